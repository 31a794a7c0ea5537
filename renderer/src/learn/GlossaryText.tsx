// Placeholder replaced by the learn screen work in progress.
export function GlossaryText({ text }: { text: string }) {
  return <>{text}</>
}
