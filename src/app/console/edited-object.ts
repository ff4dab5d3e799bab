// The object a `kubectl edit` buffer is about, for the editor's title.

/** `deployment/web-deploy` from the YAML kubectl puts in the editor (its first kind and metadata.name). */
export function editedObject(text: string): string | null {
  const kind = /^kind: (\S+)$/m.exec(text)?.[1];
  const name = /^metadata:\n(?: {2}.*\n)*? {2}name: (\S+)$/m.exec(text)?.[1];
  if (!kind || !name || kind === 'List') return null;
  return `${kind.toLowerCase()}/${name}`;
}
