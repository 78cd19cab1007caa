/** sprig's urlParse and urlJoin with Go net/url parsing, escaping and String(). */
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { GoMap, type GoValue } from '../value/go-value.js';
import { DICT, S, dict } from './support.js';

type Mode = 'path' | 'host' | 'userinfo' | 'fragment';

function shouldEscape(c: string, mode: Mode): boolean {
  if (/[A-Za-z0-9]/.test(c)) return false;
  if (mode === 'host' && '!$&\'()*+,;=:[]<>"'.includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    if (mode === 'path') return c === '?';
    if (mode === 'userinfo') return '@/?:'.includes(c);
    if (mode === 'fragment') return false;
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

/** net/url escape (input and output are byte strings). */
export function escape(s: string, mode: Mode): string {
  let out = '';
  for (const c of s)
    out += shouldEscape(c, mode) ? '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0') : c;
  return out;
}

/** net/url unescape; throws FuncError on a malformed escape. */
function unescape(s: string, mode: Mode): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new FuncError('unable to parse url: invalid URL escape');
      if (mode === 'host' && parseInt(hex[0], 16) < 8 && hex !== '25')
        throw new FuncError('unable to parse url: invalid URL escape');
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2;
    } else {
      if (mode === 'host' && c.charCodeAt(0) < 0x80 && shouldEscape(c, 'host') && !'%'.includes(c)) {
        throw new FuncError('unable to parse url: invalid character in host name');
      }
      out += c;
    }
  }
  return out;
}

interface Url {
  scheme: string;
  opaque: string;
  user?: { username: string; password?: string };
  host: string;
  path: string;
  rawPath: string;
  rawQuery: string;
  forceQuery: boolean;
  fragment: string;
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new FuncError('unable to parse url: missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const end = host.lastIndexOf(']');
    if (end < 0) throw new FuncError('unable to parse url: missing ] in host');
    const port = host.slice(end + 1);
    if (port !== '' && !/^:[0-9]*$/.test(port)) throw new FuncError('unable to parse url: invalid port');
    return unescape(host, 'host');
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !/^:[0-9]*$/.test(host.slice(colon)))
    throw new FuncError('unable to parse url: invalid port');
  return unescape(host, 'host');
}

function parseAuthority(authority: string, u: Url): void {
  const at = authority.lastIndexOf('@');
  u.host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (at < 0) return;
  const userinfo = authority.slice(0, at);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo))
    throw new FuncError('unable to parse url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  u.user =
    colon < 0
      ? { username: unescape(userinfo, 'userinfo') }
      : {
          username: unescape(userinfo.slice(0, colon), 'userinfo'),
          password: unescape(userinfo.slice(colon + 1), 'userinfo'),
        };
}

/** url.Parse */
export function parseUrl(raw: string): Url {
  const hash = raw.indexOf('#');
  const main = hash < 0 ? raw : raw.slice(0, hash);
  const frag = hash < 0 ? '' : raw.slice(hash + 1);
  // eslint-disable-next-line no-control-regex -- Go rejects URLs containing control characters
  if (/[\x00-\x1f\x7f]/.test(main))
    throw new FuncError('unable to parse url: invalid control character in URL');
  const u: Url = {
    scheme: '',
    opaque: '',
    host: '',
    path: '',
    rawPath: '',
    rawQuery: '',
    forceQuery: false,
    fragment: '',
  };
  if (main === '*') {
    u.path = '*';
  } else {
    let rest: string;
    [u.scheme, rest] = getScheme(main);
    u.scheme = u.scheme.toLowerCase();
    if (rest.endsWith('?') && rest.split('?').length === 2) {
      u.forceQuery = true;
      rest = rest.slice(0, -1);
    } else {
      const q = rest.indexOf('?');
      if (q >= 0) [rest, u.rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
    }
    if (!rest.startsWith('/') && u.scheme !== '') {
      u.opaque = rest;
      rest = '';
    } else {
      if (!rest.startsWith('/') && rest.split('/')[0].includes(':'))
        throw new FuncError('unable to parse url: first path segment in URL cannot contain colon');
      if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
        let authority = rest.slice(2);
        rest = '';
        const slash = authority.indexOf('/');
        if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
        parseAuthority(authority, u);
      }
      u.path = unescape(rest, 'path');
      u.rawPath = escape(u.path, 'path') === rest ? '' : rest;
    }
  }
  if (frag !== '') u.fragment = unescape(frag, 'fragment');
  return u;
}

function userString(user: Url['user']): string {
  if (!user) return '';
  return (
    escape(user.username, 'userinfo') +
    (user.password !== undefined ? ':' + escape(user.password, 'userinfo') : '')
  );
}

function hostname(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end < 0 ? host.slice(1) : host.slice(1, end);
  }
  const colon = host.lastIndexOf(':');
  return colon >= 0 && /^:[0-9]*$/.test(host.slice(colon)) ? host.slice(0, colon) : host;
}

/** url.URL.String() */
export function urlString(u: Url): string {
  let out = u.scheme ? u.scheme + ':' : '';
  if (u.opaque) {
    out += u.opaque;
  } else {
    if (u.scheme || u.host || u.user) {
      if (u.host || u.path || u.user) out += '//';
      if (u.user) out += userString(u.user) + '@';
      if (u.host) out += escape(u.host, 'host');
    }
    const path = u.rawPath || (u.path === '*' ? '*' : escape(u.path, 'path'));
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/';
    if (out === '' && path.split('/')[0].includes(':')) out += './';
    out += path;
  }
  if (u.forceQuery || u.rawQuery) out += '?' + u.rawQuery;
  if (u.fragment) out += '#' + escape(u.fragment, 'fragment');
  return out;
}

function dictString(d: GoMap, key: string): string {
  const v = d.entries.get(key);
  if (v === undefined) return '';
  if (typeof v !== 'string') throw new FuncError(`unable to parse ${key} key, must be of type string`);
  return v;
}

function urlJoin(d: GoValue): string {
  const m = d === null ? dict() : (d as GoMap);
  const userinfo = dictString(m, 'userinfo');
  const u: Url = {
    scheme: dictString(m, 'scheme'),
    host: dictString(m, 'host'),
    path: dictString(m, 'path'),
    rawPath: '',
    rawQuery: dictString(m, 'query'),
    opaque: dictString(m, 'opaque'),
    fragment: dictString(m, 'fragment'),
    forceQuery: false,
    user: userinfo === '' ? undefined : parseUrl(`proto://${userinfo}@host`).user,
  };
  return urlString(u);
}

/** The URL family. */
export const URL_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  [
    'urlParse',
    fn([S], ([v]) => {
      const u = parseUrl(v as string);
      return new GoMap(
        'interface {}',
        new Map<string, GoValue>([
          ['scheme', u.scheme],
          ['host', u.host],
          ['hostname', hostname(u.host)],
          ['path', u.path],
          ['query', u.rawQuery],
          ['opaque', u.opaque],
          ['fragment', u.fragment],
          ['userinfo', userString(u.user)],
        ]),
      );
    }),
  ],
  ['urlJoin', fn([DICT], ([d]) => urlJoin(d))],
]);
