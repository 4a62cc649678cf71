/**
 * Bytes to text for feeds. Thai government feeds still come in the single-byte Thai code page,
 * declared as `tis-620`, `iso-8859-11` or `windows-874` (in the Content-Type or only in the XML
 * prolog), and sometimes not declared at all.
 */
import { SLICE } from './limits.js';
import { nextTask } from './tasks.js';

/** Labels browsers do not all know; every Thai single-byte label decodes as windows-874. */
const ALIASES: Record<string, string> = {
  'tis-620': 'windows-874',
  tis620: 'windows-874',
  tis_620: 'windows-874',
  'iso-8859-11': 'windows-874',
  iso885911: 'windows-874',
  'iso8859-11': 'windows-874',
  'iso_8859-11': 'windows-874',
  'x-windows-874': 'windows-874',
  cp874: 'windows-874',
  ms874: 'windows-874',
  'dos-874': 'windows-874',
};

/** The `charset` parameter of a Content-Type, lower-cased, or `undefined`. */
export function charsetOf(contentType?: string | null): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const charset = (match?.[1] ?? match?.[2] ?? '').trim().toLowerCase();
  return charset || undefined;
}

/** `encoding="…"` from an XML declaration at the very start of the bytes (ASCII-compatible). */
function prologEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const match = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1].toLowerCase();
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(ALIASES[label] ?? label);
  } catch {
    return undefined;
  }
}

/** The encoding the bytes declare (BOM, Content-Type, XML prolog); undefined when none. */
function declaredEncoding(data: Uint8Array, contentType?: string | null): string | undefined {
  const bom = bomEncoding(data);
  if (bom) return bom;
  const prolog = prologEncoding(data);
  // A prolog readable as ASCII cannot be UTF-16, whatever it says.
  const declared = charsetOf(contentType) ?? (prolog?.startsWith('utf-16') ? undefined : prolog);
  if (!declared) return undefined;
  // An unknown label decodes as UTF-8.
  return decoderFor(declared) ? (ALIASES[declared] ?? declared) : 'utf-8';
}

/**
 * Decodes feed bytes to text. The encoding comes from a byte-order mark (unambiguous), else the
 * Content-Type `charset`, else the XML prolog's `encoding="…"`, else UTF-8. An unknown label
 * decodes as UTF-8. Undeclared bytes that are not valid UTF-8 are taken as Thai windows-874,
 * the usual encoding of legacy Thai feeds. The BOM is not part of the returned text.
 */
export function decodeFeed(bytes: ArrayBuffer | Uint8Array, contentType?: string | null): string {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const encoding = declaredEncoding(data, contentType);
  if (encoding) return new TextDecoder(encoding).decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-874').decode(data);
  }
}

/** Bytes decoded a slice per task, so that a big feed does not block the page meanwhile. */
async function decodeInSlices(data: Uint8Array, encoding: string, fatal = false): Promise<string> {
  const decoder = new TextDecoder(encoding, { fatal });
  const parts: string[] = [];
  for (let at = 0; at < data.byteLength; at += SLICE) {
    if (at) await nextTask();
    const last = at + SLICE >= data.byteLength;
    parts.push(decoder.decode(data.subarray(at, at + SLICE), { stream: !last }));
  }
  return parts.join('');
}

/** `decodeFeed` for feeds of any size: the same text, decoded over several tasks when long. */
export async function decodeFeedInTasks(
  bytes: ArrayBuffer | Uint8Array,
  contentType?: string | null,
): Promise<string> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (data.byteLength <= SLICE) return decodeFeed(data, contentType);
  const encoding = declaredEncoding(data, contentType);
  if (encoding) return decodeInSlices(data, encoding);
  try {
    return await decodeInSlices(data, 'utf-8', true);
  } catch {
    return decodeInSlices(data, 'windows-874');
  }
}
