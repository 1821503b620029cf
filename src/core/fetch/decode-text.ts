/**
 * Turns fetched bytes into a string with the right charset: BOM first, then the Content-Type
 * charset, then <meta charset> / <meta http-equiv> / the XML declaration, else UTF-8 when the
 * bytes are valid UTF-8 and Windows-1252 when not. Decoding is iconv-lite's.
 */
import iconv from 'iconv-lite';

const META_SCAN_BYTES = 4096;

function normalizeLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (l === '') return undefined;
  // WHATWG Encoding: these labels all mean windows-1252 in browsers.
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii' || l === 'ascii') return 'windows-1252';
  return iconv.encodingExists(l) ? l : undefined;
}

function bomEncoding(body: Buffer): { encoding: string; skip: number } | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

/** The charset parameter of a Content-Type header, if any. */
export function headerCharset(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '')?.[2];
}

/** The charset a document declares in its first bytes (<meta> or XML declaration). */
export function declaredCharset(body: Buffer): string | undefined {
  const h = body.subarray(0, META_SCAN_BYTES).toString('latin1');
  return (
    /<meta\s[^>]*charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(h)?.[1] ??
    /<\?xml\s[^>]*encoding\s*=\s*["']([\w:.-]+)["']/i.exec(h)?.[1]
  );
}

function isValidUtf8(body: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/** Picks the encoding for `body` (see file comment for the order). */
export function detectEncoding(body: Buffer, contentType?: string): string {
  const bom = bomEncoding(body);
  if (bom) return bom.encoding;
  const fromHeader = normalizeLabel(headerCharset(contentType));
  const fromDocument = normalizeLabel(declaredCharset(body));
  // A header claiming UTF-8 over bytes that are not UTF-8 is wrong; trust the document then.
  if (fromHeader && !(fromHeader.replace('-', '') === 'utf8' && fromDocument && !isValidUtf8(body))) return fromHeader;
  if (fromDocument) {
    // A page re-saved as UTF-8 often keeps its old <meta charset>; valid UTF-8 multibyte text wins.
    if (fromDocument.replace('-', '') !== 'utf8' && /[\u0080-\uffff]/.test(body.toString('latin1')) && isValidUtf8(body) && !/^utf-?16/.test(fromDocument)) {
      return 'utf-8';
    }
    return fromDocument;
  }
  return isValidUtf8(body) ? 'utf-8' : 'windows-1252';
}

/** Decodes `body` to a string, without a BOM. */
export function decodeText(body: Buffer, contentType?: string): string {
  const encoding = detectEncoding(body, contentType);
  return iconv.decode(body, encoding, { stripBOM: true });
}
