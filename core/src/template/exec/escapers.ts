/** text/template's html, js and urlquery escapers (Go's HTMLEscapeString, JSEscapeString, url.QueryEscape). */
import { decodeRune } from '../text/bytes.js';
import { isPrint } from '../text/unicode.js';

/** template.HTMLEscapeString */
export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => {
    switch (c) {
      case '\0':
        return '\xef\xbf\xbd';
      case '"':
        return '&#34;';
      case "'":
        return '&#39;';
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      default:
        return '&gt;';
    }
  });
}

const HEX_UPPER = '0123456789ABCDEF';

/** template.JSEscapeString */
export function jsEscape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      switch (c) {
        case 0x5c:
          out += '\\\\';
          break;
        case 0x27:
          out += "\\'";
          break;
        case 0x22:
          out += '\\"';
          break;
        case 0x3c:
          out += '\\u003C';
          break;
        case 0x3e:
          out += '\\u003E';
          break;
        case 0x26:
          out += '\\u0026';
          break;
        case 0x3d:
          out += '\\u003D';
          break;
        default:
          out += c < 0x20 ? '\\u00' + HEX_UPPER[c >> 4] + HEX_UPPER[c & 0xf] : s[i];
      }
      i++;
      continue;
    }
    const [r, w] = decodeRune(s, i);
    out += isPrint(r) ? s.slice(i, i + w) : '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
    i += w;
  }
  return out;
}

/** url.QueryEscape: unreserved bytes stay, space becomes '+', the rest %XX. */
export function queryEscape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      c === 0x2d ||
      c === 0x2e ||
      c === 0x5f ||
      c === 0x7e
    ) {
      out += s[i];
    } else if (c === 0x20) {
      out += '+';
    } else {
      out += '%' + HEX_UPPER[c >> 4] + HEX_UPPER[c & 0xf];
    }
  }
  return out;
}
