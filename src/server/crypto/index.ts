// Encryption of personal data at rest: AES-256-GCM under a key ring, and blind indexes for
// exact lookups of encrypted values.
import "server-only";

export { appKeyRing, parseKeyRing, KeyRing, type EncryptionKey } from "./key-ring";
export { encrypt, decrypt, reencrypt, needsReencryption, keyIdOf, DecryptionError } from "./encryption";
export { emailBlindIndex, emailBlindIndexCandidates, keyedDigest, keyedDigestCandidates, normaliseEmail } from "./blind-index";
