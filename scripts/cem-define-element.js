/**
 * Analyzer plugin: `@defineElement('ect-…')` (src/element/define.ts) defines a custom element
 * the way Lit's `@customElement` does, so the manifest gets the same definition export (and
 * with it the class's `tagName`) that the analyzer's own Lit support gives `@customElement`.
 */
export function defineElementPlugin() {
  return {
    name: 'ect-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const modifier of node.modifiers ?? []) {
        const call = ts.isDecorator(modifier) ? modifier.expression : undefined;
        if (!call || !ts.isCallExpression(call) || call.expression.getText() !== 'defineElement') {
          continue;
        }
        const [tag] = call.arguments;
        if (!tag || !ts.isStringLiteral(tag)) continue;
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tag.text,
            declaration: { name: node.name.text, module: moduleDoc.path },
          },
        ];
      }
    },
  };
}
