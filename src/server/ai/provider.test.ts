// Which provider the environment names, and that each kind builds a model through its SDK package
// without any network (Bedrock signs requests only when one is made).
import { describe, expect, it } from "vitest";
import { createProvider, providerConfigFromEnv } from "./provider";

const none = { AI_BASE_URL: undefined, AI_API_KEY: undefined, AI_MODEL: undefined, AI_BEDROCK_MODEL: undefined, AWS_REGION: "us-east-1" };

describe("providerConfigFromEnv", () => {
  it("is none without variables: every AI feature is hidden", () => {
    expect(providerConfigFromEnv(none)).toBeNull();
  });

  it("takes an OpenAI-compatible endpoint (OpenAI, Azure, vLLM, llama.cpp, Ollama) first", () => {
    expect(providerConfigFromEnv({ ...none, AI_BASE_URL: "http://127.0.0.1:11434/v1", AI_MODEL: "llama3.1", AI_BEDROCK_MODEL: "anthropic.claude" })).toEqual({
      kind: "openai-compatible",
      baseURL: "http://127.0.0.1:11434/v1",
      apiKey: undefined,
      model: "llama3.1",
    });
  });

  it("takes Bedrock when only its model is set, in the configured region", () => {
    expect(providerConfigFromEnv({ ...none, AI_BEDROCK_MODEL: "anthropic.claude-3-5-haiku", AWS_REGION: "eu-west-1" })).toEqual({
      kind: "bedrock",
      region: "eu-west-1",
      model: "anthropic.claude-3-5-haiku",
    });
  });
});

describe("createProvider", () => {
  it.each([
    [{ kind: "openai-compatible" as const, baseURL: "http://127.0.0.1:9/v1", model: "m1" }, "openai-compatible:m1", "m1"],
    [{ kind: "bedrock" as const, region: "eu-west-1", model: "anthropic.claude-3-5-haiku" }, "bedrock:anthropic.claude-3-5-haiku", "anthropic.claude-3-5-haiku"],
  ])("builds %j lazily, labelled for the run records", async (config, label, modelId) => {
    const provider = createProvider(config);
    expect(provider.label).toBe(label);
    const model = await provider.languageModel();
    expect(model).toMatchObject({ modelId });
    // Loaded once.
    expect(await provider.languageModel()).toBe(model);
  });
});
