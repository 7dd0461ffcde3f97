// The encryption key ring: `kid:base64(32 bytes)` pairs from ENCRYPTION_KEYS. The first key
// encrypts; every key decrypts, so a new key can be put first and old ciphertexts re-encrypted
// at leisure (see reencrypt and the customers' rotation job).
import { env } from "@/env";

export interface EncryptionKey {
  readonly id: string;
  readonly material: Buffer;
}

export class KeyRing {
  private readonly byId: ReadonlyMap<string, EncryptionKey>;

  constructor(readonly keys: readonly EncryptionKey[]) {
    if (keys.length === 0) throw new Error("The encryption key ring is empty");
    const byId = new Map<string, EncryptionKey>();
    for (const key of keys) {
      if (key.material.length !== 32) throw new Error(`Encryption key "${key.id}" must be 32 bytes, got ${key.material.length}`);
      if (byId.has(key.id)) throw new Error(`Encryption key id "${key.id}" appears twice`);
      byId.set(key.id, key);
    }
    this.byId = byId;
  }

  /** The key new ciphertexts are written with. */
  get primary(): EncryptionKey {
    return this.keys[0]!;
  }

  get(id: string): EncryptionKey | undefined {
    return this.byId.get(id);
  }
}

/** Parses `kid:base64key,…`; `variable` names the setting in errors (the audit chain's ring has its own). */
export function parseKeyRing(spec: string, variable = "ENCRYPTION_KEYS"): KeyRing {
  return new KeyRing(
    spec
      .split(",")
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf(":");
        if (at < 1) throw new Error(`${variable}: expected kid:base64key pairs`);
        return { id: pair.slice(0, at), material: Buffer.from(pair.slice(at + 1), "base64") };
      }),
  );
}

let appRing: KeyRing | undefined;

/** The process's key ring, parsed once from the validated env. */
export function appKeyRing(): KeyRing {
  appRing ??= parseKeyRing(env.ENCRYPTION_KEYS);
  return appRing;
}
