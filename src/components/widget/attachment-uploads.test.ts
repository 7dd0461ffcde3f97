import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/validations/attachment";
import {
  emptyUploads,
  isUploading,
  percentSent,
  readyAttachmentIds,
  roomLeft,
  TOO_MANY_FILES,
  uploadsReducer,
  type UploadsAction,
  type UploadsState,
} from "./attachment-uploads";
import { widgetAttachment } from "./upload-test-kit";

const run = (...actions: UploadsAction[]) => actions.reduce(uploadsReducer, emptyUploads);
const added = (...keys: string[]) => ({ type: "added" as const, uploads: keys.map((key) => ({ key, filename: `${key}.pdf`, size: 1000 })), refused: 0 });
const uploaded = (key: string, id: string): UploadsAction => ({ type: "uploaded", key, attachment: widgetAttachment({ id }) });
const byKey = (state: UploadsState, key: string) => state.uploads.find((u) => u.key === key);

describe("uploadsReducer: the files of the next message", () => {
  it("a picked file goes up with its progress, then is ready with its attachment", () => {
    let state = run(added("a"));
    expect(byKey(state, "a")).toMatchObject({ status: "uploading", loaded: 0, error: null, attachment: null });
    expect(isUploading(state)).toBe(true);

    state = uploadsReducer(state, { type: "progress", key: "a", loaded: 250 });
    expect(percentSent(byKey(state, "a")!)).toBe(25);
    // Progress never passes the file's size (a browser counts the request's headers too).
    state = uploadsReducer(state, { type: "progress", key: "a", loaded: 5000 });
    expect(percentSent(byKey(state, "a")!)).toBe(100);

    state = uploadsReducer(state, uploaded("a", "id-a"));
    expect(byKey(state, "a")).toMatchObject({ status: "ready", attachment: { id: "id-a" } });
    expect(isUploading(state)).toBe(false);
    expect(readyAttachmentIds(state)).toEqual(["id-a"]);
  });

  it("a refused file keeps the server's reason, is not sent, and takes no place", () => {
    const state = run(added("a", "b"), { type: "failed", key: "b", message: "Files can be at most 10 MB" }, uploaded("a", "id-a"));
    expect(byKey(state, "b")).toMatchObject({ status: "failed", error: "Files can be at most 10 MB" });
    expect(readyAttachmentIds(state)).toEqual(["id-a"]);
    expect(roomLeft(state)).toBe(MAX_ATTACHMENTS_PER_MESSAGE - 1);
  });

  it("news about a removed file changes nothing", () => {
    const state = run(added("a"), { type: "removed", key: "a" });
    expect(state.uploads).toEqual([]);
    expect(uploadsReducer(state, uploaded("a", "id-a"))).toBe(state);
    expect(uploadsReducer(state, { type: "progress", key: "a", loaded: 10 })).toBe(state);
  });

  it("says so when more files came than fit, until the next change", () => {
    let state = run({ ...added("a"), refused: 2 });
    expect(state.notice).toBe(TOO_MANY_FILES);
    expect(TOO_MANY_FILES).toBe(`Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message`);
    state = uploadsReducer(state, { type: "removed", key: "a" });
    expect(state.notice).toBeNull();
  });

  it("once sent, the sent and refused files go; one still going up stays for the next message", () => {
    const state = run(added("a", "b", "c", "d"), uploaded("a", "id-a"), { type: "failed", key: "b", message: "No" }, uploaded("d", "id-d"), {
      type: "sent",
      ids: ["id-a"],
    });
    // d was uploaded after the message left (not in its ids): it stays too.
    expect(state.uploads.map((u) => u.key)).toEqual(["c", "d"]);
  });

  it("an empty file counts as sent", () => {
    const state = uploadsReducer(emptyUploads, { type: "added", uploads: [{ key: "e", filename: "empty.txt", size: 0 }], refused: 0 });
    expect(percentSent(state.uploads[0]!)).toBe(100);
  });
});
