/** The error line under a form field; its id is what the field's aria-describedby points at. */
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-bad">
      {messages.join(' ')}
    </p>
  );
}
