"use client";
// Files dragged onto an element, and files in a paste. Only drags that carry files count: text or
// a link dragged within the page keeps its usual behaviour.
import { useRef, useState, type ClipboardEvent, type DragEvent } from "react";

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");

/** `dragging` while files are held over the element; spread `dropHandlers` on it. */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  // dragenter and dragleave fire for every child the pointer crosses: the highlight ends when the
  // last one it entered is left, not the first.
  const depth = useRef(0);
  const dropHandlers = {
    onDragEnter(e: DragEvent) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver(e: DragEvent) {
      if (!carriesFiles(e)) return;
      // Without this the browser opens the file instead of letting it drop here.
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    },
    onDragLeave(e: DragEvent) {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop(e: DragEvent) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer.files);
      if (files.length) onFiles(files);
    },
  };
  return { dragging, dropHandlers };
}

/**
 * The files of a paste (a screenshot, a file copied in the file manager), or none when it is text:
 * office apps put a picture of the copied cells or paragraphs beside their HTML, and that paste
 * is meant as text.
 */
export function pastedFiles(e: ClipboardEvent): File[] {
  const data = e.clipboardData;
  if (!data || Array.from(data.types ?? []).includes("text/html")) return [];
  return Array.from(data.files ?? []);
}
