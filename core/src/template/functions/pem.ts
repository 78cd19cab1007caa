/** ESO's filterPEM, filterCertChain and certSANs. */
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { bytesToBuffer, utf8ToBytes } from '../text/bytes.js';
import type { GoValue } from '../value/go-value.js';
import { pemBlock, pemDecode, pemDecodeAll, pemEncode } from './go-pem.js';
import { S, strings } from './support.js';

const str = (v: GoValue): string => v as string;

function trimJunk(input: string): string {
  const i = input.indexOf('-----BEGIN');
  return i < 0 ? input : input.slice(i);
}

function filterPEM(type: string, input: string): string {
  const [blocks, rest] = pemDecodeAll(trimJunk(input));
  const kept = blocks.filter((b) => b.type.toLowerCase() === type.toLowerCase());
  if (kept.length === 0 && rest.length !== 0) throw new FuncError('error filtering pem: found junk');
  return kept.map(pemEncode).join('');
}

interface ChainCert {
  readonly raw: string;
  readonly ski?: string;
  readonly aki?: string;
  readonly subject?: string;
}

/** Parses each PEM block as an X.509 certificate with its key identifiers. */
export function parseCertificates(data: string): ChainCert[] {
  const [blocks] = pemDecodeAll(data);
  return blocks.map((b) => {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(bytesToBuffer(b.bytes));
    } catch {
      throw new FuncError('x509: malformed certificate');
    }
    return { raw: b.bytes, ...keyIds(b.bytes), subject: cert.subject };
  });
}

type Asn1 = forge.asn1.Asn1;

/** Subject and authority key identifiers (hex) from a certificate's DER, read with forge's ASN.1 parser. */
function keyIds(der: string): { ski?: string; aki?: string } {
  const { asn1 } = forge;
  const root = asn1.fromDer(forge.util.createBuffer(der, 'raw'));
  const tbs = (root.value as Asn1[])[0];
  const wrapper = (tbs.value as Asn1[]).find(
    (v) => v.tagClass === asn1.Class.CONTEXT_SPECIFIC && v.type === 3,
  );
  const out: { ski?: string; aki?: string } = {};
  const exts = wrapper ? ((wrapper.value as Asn1[])[0].value as Asn1[]) : [];
  for (const ext of exts) {
    const parts = ext.value as Asn1[];
    const oid = asn1.derToOid(parts[0].value as string);
    const inner = asn1.fromDer(forge.util.createBuffer(parts[parts.length - 1].value as string, 'raw'));
    if (oid === '2.5.29.14') out.ski = forge.util.bytesToHex(inner.value as string);
    if (oid === '2.5.29.35') {
      const id = (inner.value as Asn1[]).find(
        (v) => v.tagClass === asn1.Class.CONTEXT_SPECIFIC && v.type === 0,
      );
      if (id) out.aki = forge.util.bytesToHex(id.value as string);
    }
  }
  return out;
}

const same = (a?: string, b?: string): boolean => (a ?? '') === (b ?? '');

/** ESO's fetchX509CertChains: order leaf → intermediates → root by key identifiers. */
export function orderChain(certs: ChainCert[]): ChainCert[] {
  const parent = new Map<number, number>();
  const isParent = new Set<number>();
  certs.forEach((c, i) => {
    const j = certs.findIndex((d, k) => k !== i && same(c.aki, d.ski));
    if (j >= 0) {
      isParent.add(j);
      parent.set(i, j);
    }
  });
  const leaves = certs.map((_, i) => i).filter((i) => !isParent.has(i));
  if (leaves.length > 1) throw new FuncError('found multiple leaf or disjunct certificates');
  if (leaves.length === 0) throw new FuncError('no leaf certificate found');
  const out: ChainCert[] = [];
  for (let cur: number | undefined = leaves[0]; cur !== undefined; cur = parent.get(cur)) {
    if (out.length >= certs.length) throw new FuncError('constructing chain resulted in cycle');
    out.push(certs[cur]);
  }
  return out;
}

const isRoot = (c: ChainCert): boolean => c.aki === undefined || same(c.aki, c.ski);
const certPem = (c: ChainCert): string => pemEncode(pemBlock('CERTIFICATE', c.raw));

function filterCertChain(kind: string, input: string): string {
  const ordered = orderChain(parseCertificates(input));
  switch (kind) {
    case 'leaf': {
      const leaf = ordered[0];
      return leaf.aki !== undefined && !same(leaf.aki, leaf.ski) ? certPem(leaf) : '';
    }
    case 'intermediate': {
      let out = '';
      for (const c of ordered.slice(1)) {
        if (isRoot(c)) break;
        out += certPem(c);
      }
      return out;
    }
    case 'root': {
      const root = ordered[ordered.length - 1];
      return isRoot(root) ? certPem(root) : '';
    }
  }
  return '';
}

function certSANs(input: string): string[] {
  const [block] = pemDecode(trimJunk(input));
  if (!block) throw new FuncError('failed to decode PEM block');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(bytesToBuffer(block.bytes));
  } catch {
    throw new FuncError('failed to parse certificate');
  }
  const groups: Record<string, string[]> = { DNS: [], 'IP Address': [], email: [], URI: [] };
  for (const entry of (cert.subjectAltName ?? '').split(/, (?=[A-Za-z ]+:)/)) {
    const at = entry.indexOf(':');
    const kind = entry.slice(0, at);
    if (kind in groups) groups[kind].push(entry.slice(at + 1));
  }
  return [...groups.DNS, ...groups['IP Address'], ...groups.email, ...groups.URI].map(utf8ToBytes);
}

/** The PEM family. */
export const PEM_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['filterPEM', fn([S, S], ([t, v]) => filterPEM(str(t), str(v)))],
  ['filterCertChain', fn([S, S], ([t, v]) => filterCertChain(str(t), str(v)))],
  ['certSANs', fn([S], ([v]) => strings(certSANs(str(v))))],
]);
