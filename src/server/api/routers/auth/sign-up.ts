import { z } from "zod";
import { signUpSchema } from "@/lib/validations/auth";
import { publicProcedure } from "@/server/api/trpc";
import { signUp as signUpService } from "@/server/services/accounts/sign-up";

export const signUp = publicProcedure
  .input(signUpSchema)
  .output(z.object({ tenantSlug: z.string() }))
  .mutation(async ({ input }) => {
    const { tenantSlug } = await signUpService(input);
    return { tenantSlug };
  });
