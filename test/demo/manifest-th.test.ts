import { expect } from '@open-wc/testing';

/**
 * The snippet builder and the themes page show every element's summary, description and
 * attribute help in the page's language: each text of custom-elements.json has a Thai
 * version in demo/manifest-th.json, naming the same `code` values.
 */
interface Texts {
  summary?: string;
  description?: string;
  attributes?: Record<string, string>;
}

interface Element {
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: { name: string; description?: string }[];
}

const read = async (path: string) => (await fetch(new URL(path, import.meta.url))).json();

let thai: Record<string, Texts> = {};
let elements: Element[] = [];

before(async () => {
  thai = (await read('../../demo/manifest-th.json')) as Record<string, Texts>;
  const manifest = (await read('../../custom-elements.json')) as {
    modules: { declarations?: Element[] }[];
  };
  elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName);
});

/** The `code` values of a text, whitespace as one space (descriptions wrap lines). */
const codes = (text = '') =>
  [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1].replace(/\s+/g, ' ')).sort();

function expectThai(where: string, english: string | undefined, translation: string | undefined) {
  if (!english) return;
  expect(translation, `${where}: Thai text`)
    .to.be.a('string')
    .and.match(/[\u0E01-\u0E5B]/);
  expect(codes(translation), `${where}: code values`).to.deep.equal(codes(english));
}

describe('demo Thai texts of the manifest', () => {
  it('has every element of custom-elements.json', () => {
    expect(elements.length).to.be.at.least(5);
    for (const element of elements) {
      const tag = element.tagName!;
      expectThai(`${tag} summary`, element.summary, thai[tag]?.summary);
      expectThai(`${tag} description`, element.description, thai[tag]?.description);
      for (const attribute of element.attributes ?? []) {
        expectThai(
          `${tag} ${attribute.name}`,
          attribute.description,
          thai[tag]?.attributes?.[attribute.name] ?? thai['*']?.attributes?.[attribute.name],
        );
      }
    }
  });

  it('has no text for an element or attribute the manifest does not have', () => {
    const tags = new Set(elements.map((element) => element.tagName!));
    for (const [tag, texts] of Object.entries(thai)) {
      if (tag === '*' || tag === '$comment') continue;
      expect(tags.has(tag), tag).to.be.true;
      const names = new Set(
        elements.find((element) => element.tagName === tag)!.attributes?.map((a) => a.name),
      );
      for (const name of Object.keys(texts.attributes ?? {}))
        expect(names.has(name), name).to.be.true;
    }
  });
});
