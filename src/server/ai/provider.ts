// The deployment's model provider, chosen by env: an OpenAI-compatible endpoint (AI_BASE_URL +
// AI_MODEL) or AWS Bedrock (AI_BEDROCK_MODEL). Both come from the AI SDK's provider packages, so
// the runner talks to one LanguageModel interface. No provider configured: aiAvailable() is false,
// every AI feature is hidden and nothing is called.
//
// The SDK packages load on first use (a dynamic import): a deployment without AI, and every cold
// start, never pays for them.
import "server-only";
import type { LanguageModel } from "ai";
import { env } from "@/env";

export type AiProviderConfig =
  | { kind: "openai-compatible"; baseURL: string; apiKey?: string; model: string }
  | { kind: "bedrock"; region: string; model: string }
  /** A model object given in code: the test suite's and the benchmark's fakes. */
  | { kind: "model"; model: string; languageModel: LanguageModel };

export interface AiProvider {
  /** "openai-compatible:gpt-4o-mini": recorded on each run. */
  readonly label: string;
  languageModel(): Promise<LanguageModel>;
}

type AiEnv = Pick<typeof env, "AI_BASE_URL" | "AI_API_KEY" | "AI_MODEL" | "AI_BEDROCK_MODEL" | "AWS_REGION">;

/** The provider the variables name: an OpenAI-compatible endpoint first, then Bedrock, else none. */
export function providerConfigFromEnv(values: AiEnv): AiProviderConfig | null {
  if (values.AI_BASE_URL && values.AI_MODEL) return { kind: "openai-compatible", baseURL: values.AI_BASE_URL, apiKey: values.AI_API_KEY, model: values.AI_MODEL };
  if (values.AI_BEDROCK_MODEL) return { kind: "bedrock", region: values.AWS_REGION, model: values.AI_BEDROCK_MODEL };
  return null;
}

export function createProvider(config: AiProviderConfig): AiProvider {
  let model: Promise<LanguageModel> | null = null;
  const load = async (): Promise<LanguageModel> => {
    switch (config.kind) {
      case "openai-compatible": {
        const { createOpenAICompatible } = await import("@ai-sdk/openai-compatible");
        // includeUsage: token counts also on streamed answers, for budgets.
        return createOpenAICompatible({ name: "openai-compatible", baseURL: config.baseURL, apiKey: config.apiKey, includeUsage: true }).chatModel(config.model);
      }
      case "bedrock": {
        const { createAmazonBedrock } = await import("@ai-sdk/amazon-bedrock");
        return createAmazonBedrock({ region: config.region })(config.model);
      }
      case "model":
        return config.languageModel;
    }
  };
  return {
    label: `${config.kind}:${config.model}`,
    languageModel: () => (model ??= load()),
  };
}

const globalForAi = globalThis as unknown as { caseboardAiProvider?: { config: AiProviderConfig | null; provider: AiProvider | null } };

/** The provider in use, or null without one. */
export function aiProvider(): AiProvider | null {
  globalForAi.caseboardAiProvider ??= (() => {
    const config = providerConfigFromEnv(env);
    return { config, provider: config ? createProvider(config) : null };
  })();
  return globalForAi.caseboardAiProvider.provider;
}

export const aiAvailable = (): boolean => aiProvider() !== null;

/**
 * Points the app at another provider (null: none). The env decides in a deployment; the test suite
 * points it at its local fake server, the benchmark at an in-process model.
 */
export function configureAiProvider(config: AiProviderConfig | null): void {
  globalForAi.caseboardAiProvider = { config, provider: config ? createProvider(config) : null };
}
