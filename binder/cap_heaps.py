"""Caps both JVMs of the installed jconcur kernel so that one kernel fits in mybinder.org's 2 GB.

The caps go into the kernelspec's env, because kernel.json's env wins over the Jupyter server's environment:
the kernel JVM (JDK_JAVA_OPTIONS, read by the java launcher) only routes messages; the user VM
(JCONCUR_USER_VM_OPTS), which runs the cells, gets most of the memory. Other options are kept.
Run by binder/postBuild with the Python that runs Jupyter.
"""
import json
import os

from jupyter_client.kernelspec import KernelSpecManager

CAPS = {"JDK_JAVA_OPTIONS": "-Xmx256m", "JCONCUR_USER_VM_OPTS": "-Xmx1g"}


def cap(options, heap):
    return " ".join([opt for opt in options.split() if not opt.startswith("-Xmx")] + [heap])


def main():
    path = os.path.join(KernelSpecManager().get_kernel_spec("jconcur").resource_dir, "kernel.json")
    with open(path) as f:
        spec = json.load(f)
    env = spec.setdefault("env", {})
    for name, heap in CAPS.items():
        env[name] = cap(env.get(name, ""), heap)
    with open(path, "w") as f:
        json.dump(spec, f, indent=2)
    print("jconcur kernelspec env:", json.dumps(env))


if __name__ == "__main__":
    main()
