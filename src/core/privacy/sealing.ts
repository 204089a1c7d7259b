// The cipher of personal fields: AES-256-GCM through WebCrypto (`globalThis.crypto.subtle`), so the core needs no
// Node built-in. A subject's data key is 32 random bytes; HKDF derives from it one AES-GCM key for the fields and
// one HMAC key for synthetic IVs.
//
// A sealed field is one JSON string: `sf1.<key version>.<subject, base64url>.<IV, base64url>.<ciphertext+tag>`. The
// subject id is the additional authenticated data, so a sealed value moved to another subject's event fails to open.
// When the event has an id, the IV is an HMAC of the event id, the field's index and the text, so an idempotent
// retry seals to the same bytes (a repeated IV only ever meets the same plaintext); otherwise it is random.

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** @internal The prefix of every sealed value. */
export const SEALED_PREFIX = "sf1.";
const SEALED = /^sf1\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

/** @internal Whether a string is a sealed value. */
export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX) && SEALED.test(value);
}

/** @internal The parts of a sealed value, or `undefined` when it is not one. */
export interface SealedParts {
  readonly keyVersion: number;
  readonly subjectId: string;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly ciphertext: Uint8Array<ArrayBuffer>;
}

/** @internal Parses a sealed value. */
export function parseSealed(value: string): SealedParts | undefined {
  if (!value.startsWith(SEALED_PREFIX)) return undefined;
  const m = SEALED.exec(value);
  if (m === null) return undefined;
  let subjectId: string;
  try {
    subjectId = decoder.decode(fromBase64Url(m[2]!));
  } catch {
    return undefined;
  }
  return { keyVersion: Number(m[1]), subjectId, iv: fromBase64Url(m[3]!), ciphertext: fromBase64Url(m[4]!) };
}

/** @internal The keys derived from one data key version. */
export interface FieldKeys {
  readonly version: number;
  readonly aes: CryptoKey;
  /** Derived on first use: only appends with event ids need it. */
  hmac(): Promise<CryptoKey>;
}

const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (s === undefined) throw new Error("salesfold privacy needs WebCrypto (globalThis.crypto.subtle)");
  return s;
};

/** @internal 32 random bytes. */
export function randomKeyBytes(): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

/** @internal Derives the field keys of a data key. */
export async function deriveFieldKeys(version: number, raw: Uint8Array<ArrayBuffer>): Promise<FieldKeys> {
  const base = await subtle().importKey("raw", raw, "HKDF", false, ["deriveKey"]);
  const params = (info: string) => ({
    name: "HKDF",
    hash: "SHA-256",
    salt: new Uint8Array(0),
    info: encoder.encode(info),
  });
  const aes = await subtle().deriveKey(
    params("salesfold/fields/aes-gcm"),
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  let hmac: Promise<CryptoKey> | undefined;
  return {
    version,
    aes,
    hmac: () => {
      hmac ??= subtle().deriveKey(
        params("salesfold/fields/siv-hmac"),
        base,
        { name: "HMAC", hash: "SHA-256", length: 256 },
        false,
        ["sign"],
      );
      return hmac;
    },
  };
}

const aad = (subjectId: string) => encoder.encode(`salesfold/subject/${subjectId}`);

/**
 * @internal Seals one text value. `ivSeed`, when given (event id and field index), makes the IV synthetic so the
 * same input seals to the same output.
 */
export async function seal(
  keys: FieldKeys,
  subjectId: string,
  text: string,
  ivSeed: string | undefined,
): Promise<string> {
  const plaintext = encoder.encode(text);
  let iv: Uint8Array<ArrayBuffer>;
  if (ivSeed === undefined) iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  else {
    const mac = await subtle().sign(
      "HMAC",
      await keys.hmac(),
      encoder.encode(`${ivSeed}\u0000${subjectId}\u0000${text}`),
    );
    iv = new Uint8Array(mac.slice(0, 12));
  }
  const ciphertext = new Uint8Array(
    await subtle().encrypt({ name: "AES-GCM", iv, additionalData: aad(subjectId) }, keys.aes, plaintext),
  );
  return `${SEALED_PREFIX}${keys.version}.${toBase64Url(encoder.encode(subjectId))}.${toBase64Url(iv)}.${toBase64Url(ciphertext)}`;
}

/** @internal Opens a sealed value; rejects when it was tampered with or the key is not the one it was sealed with. */
export async function open(keys: FieldKeys, parts: SealedParts): Promise<string> {
  const plaintext = await subtle().decrypt(
    { name: "AES-GCM", iv: parts.iv, additionalData: aad(parts.subjectId) },
    keys.aes,
    parts.ciphertext,
  );
  return decoder.decode(plaintext);
}

/** @internal Encrypts a data key with a master key, bound to its tenant, subject and version. */
export async function wrapKey(master: CryptoKey, raw: Uint8Array<ArrayBuffer>, binding: string): Promise<string> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await subtle().encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(binding) }, master, raw),
  );
  const out = new Uint8Array(12 + ct.length);
  out.set(iv, 0);
  out.set(ct, 12);
  return toBase64Url(out);
}

/** @internal Decrypts a data key wrapped by {@link wrapKey}. */
export async function unwrapKey(master: CryptoKey, wrapped: string, binding: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = fromBase64Url(wrapped);
  return new Uint8Array(
    await subtle().decrypt(
      { name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: encoder.encode(binding) },
      master,
      bytes.slice(12),
    ),
  );
}

/** @internal Imports 32 master-key bytes as an AES-GCM key. */
export function importMasterKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey("raw", raw, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** @internal Base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** @internal Decodes base64url without padding; throws on any other character or an impossible length. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 === 1) throw new Error("invalid base64url length");
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c]! : -1;
    if (v < 0) throw new Error("invalid base64url character");
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}
