/**
 * Where JSON text goes wrong, for a message with line and column that reads the same in every
 * browser (their own JSON.parse messages differ and V8's often have no position). Only needed
 * once JSON.parse has failed, so json.ts imports it then.
 */

/** A valid string up to where it ends or goes wrong (the opening quote included). */
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Where JSON text goes wrong, and why. */
export interface JsonErrorPlace {
  line: number;
  column: number;
  /** `trailing comma before }` */
  reason: string;
}

class Located extends SyntaxError {
  constructor(readonly place: JsonErrorPlace) {
    super(place.reason);
  }
}

/** Line 3, column 19: `trailing comma before }`; undefined when the text is valid JSON. */
export function locateJsonError(source: string): JsonErrorPlace | undefined {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    throw new Located({ line, column: at - before.lastIndexOf('\n'), reason });
  };
  const space = () => {
    while (' \t\n\r'.includes(source[i] || '_')) i++;
  };
  const describe = () =>
    i < source.length
      ? `unexpected character ${JSON.stringify(source[i])}`
      : 'unexpected end of the data';
  const string = () => {
    STRING.lastIndex = i;
    i += STRING.exec(source)![0].length;
    if (source[i] === '"') return void i++;
    if (i >= source.length) fail('unterminated string');
    if (source[i] !== '\\') fail('control character in a string (escape it as \\n)');
    fail(source[i + 1] === 'u' ? 'bad \\u escape' : 'bad escape in a string');
  };
  const value = (): void => {
    space();
    const open = source[i];
    if (open === '"') return string();
    if (open !== '{' && open !== '[') {
      LITERAL.lastIndex = i;
      if (!LITERAL.test(source)) fail(describe());
      i = LITERAL.lastIndex;
      return;
    }
    const close = open === '{' ? '}' : ']';
    i++;
    space();
    if (source[i] === close) return void i++;
    for (;;) {
      if (open === '{') {
        space();
        if (source[i] !== '"') fail(`expected a property name in double quotes, ${describe()}`);
        string();
        space();
        if (source[i] !== ':') fail(`expected ':' after a property name, ${describe()}`);
        i++;
      }
      value();
      space();
      if (source[i] === close) return void i++;
      if (source[i] !== ',') fail(`expected ',' or '${close}', ${describe()}`);
      i++;
      space();
      if (source[i] === close) fail(`trailing comma before ${close}`);
    }
  };
  try {
    value();
    space();
    if (i < source.length) fail(`unexpected text after the JSON value, ${describe()}`);
  } catch (error) {
    // Too deep to walk (a RangeError): the caller uses the browser's message instead.
    if (error instanceof Located) return error.place;
  }
  return undefined;
}
