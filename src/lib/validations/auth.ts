import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" }));
export const passwordSchema = z
  .string()
  .min(10, { message: "Use at least 10 characters" })
  .max(200, { message: "Use at most 200 characters" });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password" }).max(200),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, { message: "Enter your name" }).max(100),
  email: emailSchema,
  password: passwordSchema,
  organisation: z.string().trim().min(2, { message: "Use at least 2 characters" }).max(80),
});
export type SignUpInput = z.infer<typeof signUpSchema>;
