import { z } from "zod";
import { signUpSchema } from "@/lib/validations/auth";
import { publicProcedure } from "@/server/api/trpc";
import { signUp as signUpService } from "@/server/services/accounts/sign-up";

export const SIGN_UP_ANSWER =
  "If this address is new, your account and organisation are ready: sign in with it. If it already has an account, we have emailed its owner instead.";

/**
 * Public. The answer is the same whether or not the address already has an account, so the form
 * cannot be used to find out who does; the new user's client signs in with what it just sent.
 */
export const signUp = publicProcedure
  .input(signUpSchema)
  .output(z.object({ message: z.string() }))
  .mutation(async ({ ctx, input }) => {
    await signUpService(input, { origin: ctx.origin });
    return { message: SIGN_UP_ANSWER };
  });
