// Placeholder replaced by the learn screen work in progress.
export function RelatedCases(_props: { caseId: string }) {
  return null
}
