// The case schema lives in common/ so the renderer's form validates with the very same rules.
export * from '../../common/case-schema'
