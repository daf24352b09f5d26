// Modules made by the Vite plugins in scripts/vite/plugins.ts.
declare module 'virtual:gemm-model' {
  /** ONNX bytes of y = a·bᵀ (Gemm, transB = 1), a [M,K], b [N,K]. */
  const bytes: Uint8Array;
  export default bytes;
}
