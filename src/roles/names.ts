// Which speaker labels a name given by the user means: `--counsellor Sarah` is the speaker
// "Sarah Mitchell". A name matches, case-insensitively, the whole label, any one word of it
// (a first name or a surname), or the start of the label or of one of its words.

/** The labels `name` matches: the exact ones when there are any, else every partial match. */
export function matchSpeakers(name: string, labels: readonly string[]): string[] {
  const wanted = fold(name);
  if (wanted === "") return [];
  const exact = labels.filter((label) => fold(label) === wanted);
  if (exact.length > 0) return exact;
  const byWord = labels.filter((label) => words(label).includes(wanted));
  if (byWord.length > 0) return byWord;
  return labels.filter((label) => fold(label).startsWith(wanted) || words(label).some((word) => word.startsWith(wanted)));
}

function fold(text: string): string {
  return text.trim().toLocaleLowerCase().replace(/\s+/g, " ");
}

function words(label: string): string[] {
  return fold(label).split(/[\s.,()\-_]+/).filter((word) => word !== "");
}
