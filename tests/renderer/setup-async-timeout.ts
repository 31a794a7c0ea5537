import { configure } from '@testing-library/react'

// findBy* and waitFor give up after 1 s by default. A role query with an accessible name walks the
// whole rendered editor and takes 0.3–1 s per attempt in jsdom on a busy 2-core machine (the
// conflict-dialog test of CaseEditor.outside-edit needs 1 s on its own at load 10), so the default
// fails there although nothing is wrong. A wait still ends as soon as its condition holds; it gives
// up before vitest's 5 s test timeout, so a failure still says what was not found.
configure({ asyncUtilTimeout: 4_000 })
