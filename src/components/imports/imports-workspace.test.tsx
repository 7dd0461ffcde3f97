import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { cancelImportAction, setImportMappingAction } from "./import-actions";
import { ImportsWorkspace } from "./imports-workspace";

vi.mock("./import-actions", () => ({ setImportMappingAction: vi.fn(), cancelImportAction: vi.fn(), exportCasesAction: vi.fn() }));

/** The upload goes over XMLHttpRequest: this stands in for the network, answering as the test says. */
class FakeXhr {
  static answer: { status: number; body: string } | "network-error" = { status: 201, body: '{"id":"0c8e7a52-1111-4222-8333-444455556666"}' };
  static sent: { url: string; body: unknown }[] = [];
  status = 0;
  responseText = "";
  url = "";
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  send(body: unknown) {
    FakeXhr.sent.push({ url: this.url, body });
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
      const answer = FakeXhr.answer;
      if (answer === "network-error") return this.onerror?.();
      this.status = answer.status;
      this.responseText = answer.body;
      this.onload?.();
    }, 10);
  }
}

const row = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  entity: "cases",
  status: "SUCCEEDED",
  file: { filename: `${id}.csv` },
  createdAt: new Date("2026-11-30T10:00:00Z"),
  error: null,
  progress: 100,
  stage: null,
  totalRows: 10,
  importedRows: 8,
  duplicateRows: 1,
  rejectedRows: 1,
  rejectsFileId: null,
  ...over,
});

const uploaded = {
  id: "0c8e7a52-1111-4222-8333-444455556666",
  status: "UPLOADED",
  entity: "cases",
  file: { filename: "tickets.csv" },
  headers: ["Subject", "Body", "Customer"],
  suggestedMapping: { title: "Subject", description: "Body" },
};

function setup(items: unknown[] = [row("done", { rejectsFileId: "file-9" }), row("running", { status: "RUNNING", progress: 40, stage: "Importing rows" }), row("new", { status: "UPLOADED", entity: "customers", file: null })]) {
  const testTrpc = createTestTrpc({ "imports.list": () => ({ items }), "imports.get": () => uploaded });
  // The list reads with useSuspenseQuery: seeded as the page's server render would have.
  testTrpc.queryClient.setQueryData(testTrpc.trpc.imports.list.queryKey({ limit: 50 }), { items } as never);
  return renderWithTrpc(<ImportsWorkspace slug="acme" maxBytes={10 * 1024 * 1024} />, testTrpc);
}

beforeEach(() => {
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  FakeXhr.sent = [];
  FakeXhr.answer = { status: 201, body: '{"id":"0c8e7a52-1111-4222-8333-444455556666"}' };
  vi.mocked(setImportMappingAction).mockReset();
  vi.mocked(cancelImportAction).mockReset();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ImportsList", () => {
  it("shows each import's status, progress, counts and what can be done", () => {
    setup();
    const [done, running, fresh] = screen.getAllByTestId("import-row");
    expect(done).toHaveTextContent("done.csv");
    expect(done).toHaveTextContent("Done");
    expect(within(done!).getByTestId("import-counts")).toHaveTextContent("10 total · 8 imported · 1 duplicates · 1 rejected");
    expect(within(done!).getByRole("link", { name: "Rejected rows" })).toHaveAttribute("href", "/api/files/file-9?tenant=acme");
    expect(within(done!).queryByRole("button")).not.toBeInTheDocument();
    expect(running).toHaveTextContent("Importing rows");
    expect(within(running!).getByRole("button", { name: "Cancel" })).toBeInTheDocument();
    expect(fresh).toHaveTextContent("—");
    expect(fresh).toHaveTextContent("Customers");
    expect(fresh).toHaveTextContent("Needs mapping");
    expect(within(fresh!).getByRole("button", { name: "Map columns" })).toBeInTheDocument();
  });

  it("says when there are no imports", () => {
    setup([]);
    expect(screen.getByText("No imports yet.")).toBeInTheDocument();
  });

  it("cancels an import and shows a refusal", async () => {
    vi.mocked(cancelImportAction).mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "It already finished." } });
    const { user } = setup();
    await user.click(within(screen.getAllByTestId("import-row")[1]!).getByRole("button", { name: "Cancel" }));
    expect(cancelImportAction).toHaveBeenCalledWith("acme", "running");
    expect(await screen.findByText("It already finished.")).toBeInTheDocument();
  });
});

describe("UploadForm and MappingForm", () => {
  it("asks for a file, and refuses one over the size limit", async () => {
    const { user } = setup([]);
    await user.click(await screen.findByRole("button", { name: "Upload" }));
    expect(await screen.findByText("Choose a CSV file")).toBeInTheDocument();
    const big = new File(["x".repeat(20)], "big.csv", { type: "text/csv" });
    Object.defineProperty(big, "size", { value: 11 * 1024 * 1024 });
    await user.upload(screen.getByLabelText("CSV file"), big);
    await user.click(await screen.findByRole("button", { name: "Upload" }));
    expect(await screen.findByText("The file is larger than 10 MB")).toBeInTheDocument();
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it("uploads the file, then maps its columns and starts the import", async () => {
    vi.mocked(setImportMappingAction).mockResolvedValue({ ok: true, data: { id: "0c8e7a52-1111-4222-8333-444455556666", status: "QUEUED" } });
    const { user } = setup([]);
    await user.upload(screen.getByLabelText("CSV file"), new File(["Subject,Body\nHi,There\n"], "tickets.csv", { type: "text/csv" }));
    await user.click(await screen.findByRole("button", { name: "Upload" }));
    expect(FakeXhr.sent[0]!.url).toBe("/api/imports/upload?entity=cases&filename=tickets.csv&tenant=acme");

    const mapping = await screen.findByRole("form", { name: "Map columns" });
    expect(mapping).toHaveTextContent("Choose the column of tickets.csv for each field.");
    expect(within(mapping).getByLabelText("Title *")).toHaveValue("Subject");
    await user.selectOptions(within(mapping).getByLabelText("Customer email"), "Customer");
    await user.click(await within(mapping).findByRole("button", { name: "Start import" }));
    expect(setImportMappingAction).toHaveBeenCalledWith("acme", { id: "0c8e7a52-1111-4222-8333-444455556666", mapping: { title: "Subject", description: "Body", customerEmail: "Customer" } });
    await waitFor(() => expect(screen.queryByRole("form", { name: "Map columns" })).not.toBeInTheDocument());
  });

  it("checks required columns before starting, and shows the server's errors", async () => {
    vi.mocked(setImportMappingAction).mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "The import already started.", fieldErrors: { description: ["Used twice"] } } });
    const { user } = setup([]);
    await user.upload(screen.getByLabelText("CSV file"), new File(["a"], "tickets.csv", { type: "text/csv" }));
    await user.click(await screen.findByRole("button", { name: "Upload" }));
    const mapping = await screen.findByRole("form", { name: "Map columns" });
    await user.selectOptions(within(mapping).getByLabelText("Title *"), "");
    await user.click(await within(mapping).findByRole("button", { name: "Start import" }));
    expect(await within(mapping).findByText("Choose the column for this required field")).toBeInTheDocument();
    expect(setImportMappingAction).not.toHaveBeenCalled();

    await user.selectOptions(within(mapping).getByLabelText("Title *"), "Subject");
    await user.click(await within(mapping).findByRole("button", { name: "Start import" }));
    expect(await within(mapping).findByText("The import already started.")).toBeInTheDocument();
    expect(within(mapping).getByText("Used twice")).toBeInTheDocument();
  });

  it("shows why an upload failed", async () => {
    const { user } = setup([]);
    FakeXhr.answer = { status: 413, body: '{"message":"The file is too large."}' };
    const input = screen.getByLabelText("CSV file");
    await user.upload(input, new File(["a"], "a.csv", { type: "text/csv" }));
    await user.click(await screen.findByRole("button", { name: "Upload" }));
    expect(await screen.findByText("The file is too large.")).toBeInTheDocument();

    FakeXhr.answer = { status: 502, body: "<html>Bad gateway</html>" };
    await user.click(await screen.findByRole("button", { name: "Upload" }));
    expect(await screen.findByText("Upload failed (502)")).toBeInTheDocument();

    FakeXhr.answer = "network-error";
    await user.click(await screen.findByRole("button", { name: "Upload" }));
    expect(await screen.findByText("The upload did not reach the server")).toBeInTheDocument();
  });
});
