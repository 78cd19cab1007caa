/** The messages of an error and of every `cause` under it, outermost first (what a log reader could see). */
export function errorMessages(error: Error): string[] {
  const messages = [error.message];
  let cause = error.cause;
  while (cause instanceof Error) {
    messages.push(cause.message);
    cause = cause.cause;
  }
  return messages;
}
