import CNNKernels
print("kernel-bench")
