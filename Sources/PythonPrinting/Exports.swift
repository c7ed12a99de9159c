// The printer prints CNNKernels' `Tensor`, `Scalar` and `KernelError`: every file of this
// module and every client that imports PythonPrinting sees them.
@_exported import CNNKernels
