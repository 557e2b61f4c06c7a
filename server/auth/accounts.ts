// Teacher accounts: sign-up and sign-in, with the form rules in one place so the page and
// any other caller give the same messages.
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

export type FieldErrors = Partial<Record<"name" | "email" | "password" | "form", string>>;
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

export function createAccounts(db: Database) {
  // Slows password guessing per address and per client without locking anyone out for long.
  const attempts = new RateLimiterMemory({ points: 10, duration: 60 });
  const limited = async (key: string) =>
    attempts.consume(key).then(
      () => false,
      () => true,
    );

  return {
    async signup(input: unknown, clientKey: string): Promise<AccountResult> {
      if (await limited(`signup:${clientKey}`)) return { ok: false, errors: { form: TOO_MANY } };
      const parsed = signupSchema.safeParse(input);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
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

    async login(input: unknown, clientKey: string): Promise<AccountResult> {
      const parsed = loginSchema.safeParse(input);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      const { email, password } = parsed.data;
      if ((await limited(`login:${clientKey}`)) || (await limited(`login:${email}`))) return { ok: false, errors: { form: TOO_MANY } };
      const [row] = await db.select().from(teachers).where(eq(teachers.email, email));
      // Same message for an unknown email and a wrong password: the form does not reveal who has an account.
      if (!row || !(await verifyPassword(password, row.passwordHash)))
        return { ok: false, errors: { form: "That email and password do not match an account." } };
      return { ok: true, teacherId: row.id };
    },

    async teacher(id: string) {
      const [row] = await db.select({ id: teachers.id, name: teachers.name, email: teachers.email }).from(teachers).where(eq(teachers.id, id));
      return row;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
