// Passwords are hashed with argon2id (OWASP's first choice), parameters per OWASP 2024.
import { hash, verify } from "@node-rs/argon2";

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** How long a hash takes here, a moving average of the real ones (a first guess until then). */
let typicalHashMs = 50;
/** Hashes this process computed: each costs ~19 MB and tens of ms, so tests hold paths to it. */
let hashesComputed = 0;

export function passwordHashesComputed(): number {
  return hashesComputed;
}

export async function hashPassword(password: string): Promise<string> {
  hashesComputed++;
  const started = performance.now();
  const hashed = await hash(password, OPTIONS);
  typicalHashMs = 0.8 * typicalHashMs + 0.2 * (performance.now() - started);
  return hashed;
}

/**
 * Answers that skip a hash (sign-up of an address that already has an account) wait about as
 * long as one takes, so timing does not tell them apart; waiting costs no CPU, hashing would.
 */
export function waitLikeAPasswordHash(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, typicalHashMs));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifies against a fixed hash when the user does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("caseboard-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
