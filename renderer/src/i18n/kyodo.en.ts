import type { kyodoJa } from './kyodo.ja'

/** English strings of 協働の4要素 (issue #16). */
export const kyodoEn: Record<keyof typeof kyodoJa, string> = {
  'kyodo.elements': 'Four elements of collaboration',
  'kyodo.element.ownership': 'Ownership on both sides',
  'kyodo.element.problem': 'Facing the problem together',
  'kyodo.element.goal': 'Sharing the goal',
  'kyodo.element.action': 'Working on it together',
  'kyodo.question.ownership':
    'Did the partner treat it as their own? Did city hall avoid handing everything over?',
  'kyodo.question.problem':
    'Did both sides check together what the problem was, rather than one pushing its problem onto the other?',
  'kyodo.question.goal':
    'Did you put the goal into words together, and did both sides believe in it — not just lend their names?',
  'kyodo.question.action':
    'Did you share the roles and really do the work, solving the difficulties along the way together?',
  'kyodo.step.1': 'In name only',
  'kyodo.step.2': 'One side led',
  'kyodo.step.3': 'Partly together',
  'kyodo.step.4': 'Mostly together',
  'kyodo.step.5': 'Fully together',
  'kyodo.unscored': 'Not rated',
  'kyodo.score': '{score}/5',
  'kyodo.scoreSpoken': '{score} of 5 ({step})',
  'kyodo.note': 'Note ({element})',
  'kyodo.overallNote': 'Overall note',
  'kyodo.panel.help':
    'Optional. Look back on how far this case was real collaboration, rating each element 1–5. Leave an element unrated when you cannot judge it.',
  'kyodo.panel.clear': 'Clear all ratings',
  'kyodo.scoreMissing': 'Choose a rating from 1 to 5 to keep this note.',
  'kyodo.chart.caption': '1 (in name only) – 5 (fully together)',
  'kyodo.chart.none': 'Not rated',

  'kyodo.learnLink': 'What is collaboration?',
  'kyodo.learnLink.help':
    'Ownership, facing the problem, sharing the goal, working together — and the lessons of partnerships in name only.',
  'kyodo.page.title': 'What is collaboration (協働)?',
  'kyodo.page.lead':
    'Collaboration means both sides act with ownership, face the problem together, share the goal and work on it together. A project called cooperation or partnership is not collaboration when the partner only lends its name. Learn what made the difference from each case’s four-element check.',
  'kyodo.page.checked': 'Of {n} checked cases, {full} score 4 or more on all four elements.',
  'kyodo.page.fullSearch': 'Show the cases with all four elements at 4 or more',
  'kyodo.page.elementSearch': 'Show the cases at 4 or more on this element',
  'kyodo.page.path': 'Reading path “Reading by the four elements”',
  'kyodo.page.none':
    'No case has a four-element check yet. Rate the four elements 1–5 in a case’s editor.',
  'kyodo.page.example': 'Best example ({score}/5): ',
  'kyodo.page.noExample': 'No case has a note on this element yet.',
  'kyodo.page.notes': 'Notes written on this element ({n})',
  'kyodo.page.byType': 'Average by partner type',
  'kyodo.page.byType.help':
    'The mean score of each element (checked cases only; a case with several partner types counts for each). ▼ marks the lowest element of a type: where this city tends to fall short.',
  'kyodo.page.type': 'Partner type',
  'kyodo.page.typeCount': '{n} cases',
  'kyodo.page.average': 'mean {value}',
  'kyodo.page.weakest': ' (lowest element)',
  'kyodo.listSeparator': ', ',
  'kyodo.nominal.title': 'Lessons from partnerships in name only',
  'kyodo.nominal.help':
    'Cases that scored 2 or lower on ownership or on the shared goal: a partner lending only its name, city hall handing everything over. Each case’s “hard parts and lessons” says what was missing.',
  'kyodo.nominal.none': 'No case scored 2 or lower on ownership or on the shared goal.',
  'kyodo.nominal.low': 'Low elements: {elements}',
  'kyodo.nominal.noLesson': 'This case has no “hard parts and lessons” section yet.',
  'kyodo.nominal.failed': 'Could not load the name-only cases: {reason}',
}
