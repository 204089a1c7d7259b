import { SalesfoldError } from "../errors/index.ts";
import type { Clock } from "../runtime/clock.ts";
import type { KeyStore, StoredDataKey, SubjectKeys } from "./keyStore.ts";
import {
  deriveFieldKeys,
  type FieldKeys,
  fromBase64Url,
  importMasterKey,
  randomKeyBytes,
  toBase64Url,
  unwrapKey,
  wrapKey,
} from "./sealing.ts";

/**
 * A master key (key-encryption key): 32 bytes, given as a `Uint8Array` or base64url text, with its version. Data
 * keys are stored encrypted by the newest master key; older versions are kept to read keys not yet re-wrapped. Keep
 * master keys outside the database (a KMS, a secret manager or an environment variable).
 *
 * @example
 * ```ts
 * const masterKeys: MasterKey[] = [{ version: 1, key: process.env.SALESFOLD_MASTER_KEY_1! }];
 * ```
 */
export interface MasterKey {
  /** A positive integer; the highest version wraps new data keys. */
  readonly version: number;
  /** The 32 key bytes, or their base64url text (43 characters). */
  readonly key: Uint8Array | string;
}

/**
 * Generates a random master key, as base64url text to keep in a secret manager.
 *
 * @returns 32 random bytes as 43 base64url characters.
 * @example
 * ```ts
 * console.log(generateMasterKey()); // store it as SALESFOLD_MASTER_KEY_1
 * ```
 */
export function generateMasterKey(): string {
  return toBase64Url(randomKeyBytes());
}

const KEY_CACHE_SUBJECTS = 10_000;

/** @internal The state of one subject during one operation. */
type SubjectState =
  | { readonly status: "unknown" }
  | { readonly status: "erased"; readonly erasedAt: string }
  | { readonly status: "active"; readonly keys: readonly StoredDataKey[] };

/** @internal Data keys, master keys and the key store, behind one cache per operation. */
export interface KeyRing {
  /** A cache for one append, read or batch: keys are looked up once per subject within it, and never across. */
  session(api: string): KeySession;
  /** Creates the next data key version of a subject; returns its version. */
  rotate(api: string, subjectId: string): Promise<number>;
  /** Drops a subject's cached keys from this process (after its erasure). */
  forget(subjectId: string): void;
  /** Re-wraps every data key not wrapped by the newest master key. */
  rewrapAll(api: string): Promise<{ readonly rewrapped: number; readonly keys: number }>;
}

/** @internal See {@link KeyRing.session}. */
export interface KeySession {
  /** Loads the state of these subjects (one key store call for those not loaded yet). */
  preload(subjectIds: Iterable<string>): Promise<void>;
  /** The keys to open a sealed value with; `erased` when the subject was erased. */
  forOpen(subjectId: string, version: number): Promise<FieldKeys | "erased">;
  /** The newest keys of a subject, creating version 1 when it has none; throws when the subject was erased. */
  forSeal(subjectId: string): Promise<FieldKeys>;
}

/** @internal Builds the key ring of an erasable store. */
export function createKeyRing(keyStore: KeyStore, masterKeys: readonly MasterKey[], clock: Clock): KeyRing {
  const tenantId = keyStore.tenantId;
  const sorted = [...masterKeys].sort((a, b) => a.version - b.version);
  const newest = sorted[sorted.length - 1];
  const imported = new Map<number, Promise<CryptoKey>>();
  const master = (api: string, version: number): Promise<CryptoKey> => {
    let key = imported.get(version);
    if (key === undefined) {
      const given = sorted.find((m) => m.version === version);
      if (given === undefined) {
        return Promise.reject(
          new SalesfoldError(
            "invalid_state",
            `${api}: a data key is wrapped by master key version ${version}, which is not configured`,
          ),
        );
      }
      const raw = typeof given.key === "string" ? fromBase64Url(given.key) : new Uint8Array(given.key);
      key = importMasterKey(raw);
      imported.set(version, key);
    }
    return key;
  };
  const binding = (subjectId: string, version: number) => `salesfold/key/${tenantId}/${version}/${subjectId}`;

  const rawOf = async (api: string, stored: StoredDataKey): Promise<Uint8Array<ArrayBuffer>> => {
    if (stored.masterVersion === 0) return fromBase64Url(stored.material);
    try {
      return await unwrapKey(
        await master(api, stored.masterVersion),
        stored.material,
        binding(stored.subjectId, stored.version),
      );
    } catch (error) {
      if ((error as SalesfoldError).code === "invalid_state") throw error;
      throw new SalesfoldError(
        "invalid_state",
        `${api}: data key ${stored.version} of subject ${JSON.stringify(stored.subjectId)} cannot be unwrapped with master key ${stored.masterVersion}`,
        { cause: error },
      );
    }
  };
  const wrap = async (api: string, subjectId: string, version: number, raw: Uint8Array<ArrayBuffer>) =>
    newest === undefined
      ? { material: toBase64Url(raw), masterVersion: 0 }
      : {
          material: await wrapKey(await master(api, newest.version), raw, binding(subjectId, version)),
          masterVersion: newest.version,
        };

  const stateOf = (found: SubjectKeys | undefined): SubjectState =>
    found === undefined
      ? { status: "unknown" }
      : found.erasedAt !== undefined
        ? { status: "erased", erasedAt: found.erasedAt }
        : found.keys.length === 0
          ? { status: "unknown" }
          : { status: "active", keys: found.keys };

  const insertNext = async (
    api: string,
    subjectId: string,
    version: number,
  ): Promise<"inserted" | "exists" | "erased"> => {
    const raw = randomKeyBytes();
    const wrapped = await wrap(api, subjectId, version, raw);
    return keyStore.insert({ subjectId, version, ...wrapped, createdAt: clock.now() });
  };

  // Derived keys are cached across operations, keyed by the stored material: a lookup in the key store still happens
  // in every operation (so an erasure by another process is seen), only the unwrapping and derivation are saved.
  // Bounded, least recently used first out; an erasure through this ring drops the subject's entries at once.
  const cache = new Map<string, Map<string, Promise<FieldKeys>>>();
  const derived = (api: string, stored: StoredDataKey): Promise<FieldKeys> => {
    const id = `${stored.version}\u0000${stored.masterVersion}\u0000${stored.material}`;
    let bySubject = cache.get(stored.subjectId);
    if (bySubject !== undefined) {
      cache.delete(stored.subjectId);
      cache.set(stored.subjectId, bySubject);
    } else {
      bySubject = new Map();
      cache.set(stored.subjectId, bySubject);
      if (cache.size > KEY_CACHE_SUBJECTS) cache.delete(cache.keys().next().value!);
    }
    let keys = bySubject.get(id);
    if (keys === undefined) {
      keys = rawOf(api, stored).then((raw) => deriveFieldKeys(stored.version, raw));
      bySubject.set(id, keys);
      // A failed derivation is not kept.
      keys.catch(() => bySubject.delete(id));
    }
    return keys;
  };

  const session = (api: string): KeySession => {
    const states = new Map<string, SubjectState>();
    const preload = async (subjectIds: Iterable<string>) => {
      const missing = [...new Set(subjectIds)].filter((id) => !states.has(id));
      if (missing.length === 0) return;
      const found = await keyStore.load(missing);
      for (const id of missing) states.set(id, stateOf(found.get(id)));
    };
    const derive = (stored: StoredDataKey): Promise<FieldKeys> => derived(api, stored);
    const sealing = new Map<string, Promise<FieldKeys>>();
    const newestKeys = async (subjectId: string): Promise<FieldKeys> => {
      for (let attempt = 0; attempt < 3; attempt++) {
        await preload([subjectId]);
        const state = states.get(subjectId)!;
        if (state.status === "erased") {
          throw new SalesfoldError(
            "invalid_state",
            `${api}: subject ${JSON.stringify(subjectId)} was erased at ${state.erasedAt}; its personal data cannot be stored again`,
          );
        }
        if (state.status === "active") return derive(state.keys[state.keys.length - 1]!);
        // Inserted, created by a concurrent writer, or erased meanwhile: read the key store's answer back.
        await insertNext(api, subjectId, 1);
        states.delete(subjectId);
      }
      throw new SalesfoldError(
        "invalid_state",
        `${api}: the data key of subject ${JSON.stringify(subjectId)} could not be created`,
      );
    };
    return {
      preload,
      forOpen: async (subjectId, version) => {
        await preload([subjectId]);
        const state = states.get(subjectId)!;
        if (state.status === "erased") return "erased";
        const stored = state.status === "active" ? state.keys.find((k) => k.version === version) : undefined;
        if (stored === undefined) {
          throw new SalesfoldError(
            "not_found",
            `${api}: no data key ${version} for subject ${JSON.stringify(subjectId)} in tenant ${JSON.stringify(tenantId)}: is this the key store these events were written with?`,
          );
        }
        return derive(stored);
      },
      forSeal: (subjectId) => {
        // One lookup (and at most one key creation) per subject and session, however many events share it.
        let keys = sealing.get(subjectId);
        if (keys === undefined) {
          keys = newestKeys(subjectId);
          sealing.set(subjectId, keys);
        }
        return keys;
      },
    };
  };

  return {
    session,
    forget: (subjectId) => {
      cache.delete(subjectId);
    },
    rotate: async (api, subjectId) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const state = stateOf((await keyStore.load([subjectId])).get(subjectId));
        if (state.status === "erased")
          throw new SalesfoldError(
            "invalid_state",
            `${api}: subject ${JSON.stringify(subjectId)} was erased at ${state.erasedAt}`,
          );
        const next = state.status === "active" ? state.keys[state.keys.length - 1]!.version + 1 : 1;
        const outcome = await insertNext(api, subjectId, next);
        if (outcome === "inserted") return next;
      }
      throw new SalesfoldError(
        "invalid_state",
        `${api}: concurrent rotations of subject ${JSON.stringify(subjectId)}; try again`,
      );
    },
    rewrapAll: async (api) => {
      if (newest === undefined) throw new SalesfoldError("invalid_state", `${api}: no master key is configured`);
      let after: string | undefined;
      let rewrapped = 0;
      let total = 0;
      for (;;) {
        const page = await keyStore.list(after === undefined ? { limit: 500 } : { afterSubjectId: after, limit: 500 });
        if (page.length === 0) break;
        total += page.length;
        const stale = page.filter((k) => k.masterVersion !== newest.version);
        const replaced: StoredDataKey[] = [];
        for (const k of stale) {
          const raw = await rawOf(api, k);
          replaced.push({ ...k, ...(await wrap(api, k.subjectId, k.version, raw)) });
        }
        if (replaced.length > 0) await keyStore.replace(replaced);
        rewrapped += replaced.length;
        after = page[page.length - 1]!.subjectId;
      }
      return { rewrapped, keys: total };
    },
  };
}
