import { z } from "zod";
import { text } from "./text";

export const emailSchema = text().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" }));
export const passwordSchema = text()
  .min(10, { message: "Use at least 10 characters" })
  .max(200, { message: "Use at most 200 characters" });

export const signInSchema = z.object({
  email: emailSchema,
  password: text().min(1, { message: "Enter your password" }).max(200),
});

export const signUpSchema = z.object({
  name: text().trim().min(1, { message: "Enter your name" }).max(100),
  email: emailSchema,
  password: passwordSchema,
  organisation: text().trim().min(2, { message: "Use at least 2 characters" }).max(80),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Password reset tokens have the same shape as invitation tokens (32 random bytes, base64url). */
export const resetTokenSchema = text().regex(/^[A-Za-z0-9_-]{43}$/, { message: "This reset link is not valid" });

export const requestPasswordResetSchema = z.object({ email: emailSchema });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetSchema>;

export const resetPasswordSchema = z.object({ token: resetTokenSchema, password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: text().min(1, { message: "Enter your current password" }).max(200),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
