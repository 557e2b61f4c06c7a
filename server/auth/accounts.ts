// Teacher accounts: sign-up and sign-in, with the form rules in one place so the page and
// any other caller give the same messages.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { z } from "zod";
import type { Database } from "../../db/client";
import { uniqueViolation } from "../../db/client";
import { teachers } from "../../db/schema";
import { PASSWORD_MIN_LENGTH } from "../limits";
import { hashPassword, verifyPassword } from "./passwords";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Please enter a valid email address.").max(200, "That email address is too long."));

export const signupSchema = z.object({
  name: z.string().trim().min(1, "Please enter your name.").max(80, "Names can be at most 80 characters."),
  email,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(200, "Use at most 200 characters.")
    .refine((p) => new Set(p).size >= 4, "This password is too easy to guess: use a mix of characters."),
});

export const loginSchema = z.object({
  email,
  password: z.string().min(1, "Please enter your password.").max(200),
});

export type FieldErrors = Partial<Record<"name" | "email" | "password" | "code" | "form", string>>;

/** Compares without leaking, through timing, how much of a guess was right. */
const sameText = (a: string, b: string) => {
  const [x, y] = [createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest()];
  return timingSafeEqual(x, y);
};
export type AccountResult = { ok: true; teacherId: string } | { ok: false; errors: FieldErrors };

function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form") as keyof FieldErrors;
    errors[field] ??= issue.message;
  }
  return errors;
}

const TOO_MANY = "Too many attempts. Please wait a minute and try again.";

/** Who is trying to log in: their address, and the device marks their browser holds (teacher id → mark). */
export type LoginClient = { address: string; devices: Record<string, string> };

/** `signupCode`, when set, must be given to create an account (TEACHER_SIGNUP_CODE). */
export function createAccounts(db: Database, signupCode?: string) {
  // Sign-ups per client, and login attempts per client and per client and address: guessing
  // is slowed, while nobody elsewhere can lock a teacher out by failing on purpose. Behind one
  // school address those two counters are shared, so a browser the teacher logged in from
  // before (a valid device mark for the account it names) is counted on its own instead
  // (OWASP's device cookies): others' guesses cannot lock it out, and its own stay slow.
  const signups = new RateLimiterMemory({ points: 30, duration: 60 });
  const loginAttempts = new RateLimiterMemory({ points: 10, duration: 60 });
  const loginAttemptsPerClient = new RateLimiterMemory({ points: 100, duration: 60 });
  const loginAttemptsPerDevice = new RateLimiterMemory({ points: 10, duration: 60 });
  const limited = (limiter: RateLimiterMemory, key: string) =>
    limiter.consume(key).then(
      () => false,
      () => true,
    );
  // Verifying against a throwaway hash when the address is unknown takes as long as a real
  // check, so the response time does not tell who has an account.
  const unknownAccountHash = hashPassword(randomBytes(16).toString("hex"));

  return {
    async signup(input: unknown, clientKey: string): Promise<AccountResult> {
      if (await limited(signups, clientKey)) return { ok: false, errors: { form: TOO_MANY } };
      const parsed = signupSchema.safeParse(input);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      if (signupCode && !sameText(String((input as Record<string, unknown>)?.code ?? ""), signupCode))
        return { ok: false, errors: { code: "That sign-up code is not right. Ask whoever runs Rostrum at your school." } };
      const { name, email, password } = parsed.data;
      try {
        const [row] = await db
          .insert(teachers)
          .values({ name, email, passwordHash: await hashPassword(password) })
          .returning({ id: teachers.id });
        return { ok: true, teacherId: row.id };
      } catch (error) {
        if (uniqueViolation(error)) return { ok: false, errors: { email: "An account with this email already exists. Log in instead." } };
        throw error;
      }
    },

    async login(input: unknown, client: LoginClient): Promise<AccountResult> {
      const parsed = loginSchema.safeParse(input);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      const { email, password } = parsed.data;
      const [row] = await db.select().from(teachers).where(eq(teachers.email, email));
      const device = row && client.devices[row.id];
      const deviceKey = device && `${row.id} ${device}`;
      const pair = `${client.address} ${email}`;
      // Counted before the (slow) check, so guesses sent all at once are limited too; a
      // success gives the attempt back.
      const refused = deviceKey
        ? await limited(loginAttemptsPerDevice, deviceKey)
        : (await Promise.all([limited(loginAttemptsPerClient, client.address), limited(loginAttempts, pair)])).some(Boolean);
      if (refused) return { ok: false, errors: { form: TOO_MANY } };
      const matches = await verifyPassword(password, row?.passwordHash ?? (await unknownAccountHash));
      if (row && matches) {
        await (deviceKey
          ? loginAttemptsPerDevice.delete(deviceKey)
          : Promise.all([loginAttemptsPerClient.reward(client.address), loginAttempts.delete(pair)]));
        return { ok: true, teacherId: row.id };
      }
      // Same message for an unknown email and a wrong password: the form does not reveal who has an account.
      return { ok: false, errors: { form: "That email and password do not match an account." } };
    },

    signupNeedsCode: Boolean(signupCode),

    async teacher(id: string) {
      const [row] = await db.select({ id: teachers.id, name: teachers.name, email: teachers.email }).from(teachers).where(eq(teachers.id, id));
      return row;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
