// The pieces every form and dialog ends with: the error of the whole form (announced, not a
// field's), and Cancel beside the submit button that says what is under way.
import { Button } from "./button";

/** The form-level error, or nothing. */
export function FormAlert({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

/** Cancel and the primary action; `onConfirm` makes the action a plain button instead of the form's submit. */
export function DialogActions({
  onCancel,
  label,
  pendingLabel,
  pending,
  disabled = false,
  onConfirm,
}: {
  onCancel: () => void;
  label: string;
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
  onConfirm?: () => void;
}) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type={onConfirm ? "button" : "submit"} disabled={pending || disabled} onClick={onConfirm}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
