"use client";
// Files dragged onto the chat: the panel lights up while they are over it and takes them when
// dropped. Only drags that carry files count (a selection of text dragged around is left alone).
// A file dropped beside the panel (on the header) would make the frame open the file instead of
// the chat, so the page refuses such drops while the chat is mounted.
import { useEffect, useRef, useState } from "react";

const carriesFiles = (transfer: DataTransfer | null) => Array.from(transfer?.types ?? []).includes("Files");

export function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  // dragenter and dragleave fire for every child crossed: over the panel while more were entered than left.
  const depth = useRef(0);

  useEffect(() => {
    const refuse = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (event.type === "dragover" && event.dataTransfer) event.dataTransfer.dropEffect = "none";
    };
    window.addEventListener("dragover", refuse);
    window.addEventListener("drop", refuse);
    return () => {
      window.removeEventListener("dragover", refuse);
      window.removeEventListener("drop", refuse);
    };
  }, []);

  const handlers = {
    onDragEnter(event: React.DragEvent) {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth.current += 1;
      setOver(true);
    },
    onDragOver(event: React.DragEvent) {
      if (!carriesFiles(event.dataTransfer)) return;
      // Handled here, so the window's refusal (above) does not undo the copy cursor.
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = "copy";
    },
    onDragLeave(event: React.DragEvent) {
      if (!carriesFiles(event.dataTransfer)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    },
    onDrop(event: React.DragEvent) {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth.current = 0;
      setOver(false);
      onFiles(Array.from(event.dataTransfer.files));
    },
  };

  return { over, handlers };
}
