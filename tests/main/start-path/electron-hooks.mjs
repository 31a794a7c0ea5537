// Module resolve hook (node:module register): `electron` resolves to the recording stand-in, so
// the built main process can be loaded in plain Node, where the Electron binary is absent.
const STAND_IN = new URL('./electron-stand-in.mjs', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true }
  return nextResolve(specifier, context)
}
