"""Caps both JVMs of the installed jconcur kernel so that one kernel fits in mybinder.org's 2 GB.

The kernel JVM's options are in kernel.json's argv, between the java executable and -jar (there no other java
process sees them); the user VM's are in the env variable JCONCUR_USER_VM_OPTS, which wins over the Jupyter
server's environment. The kernel JVM only routes messages; the user VM, which runs the cells, gets most of the
memory. Other options are kept. Run by binder/postBuild with the Python that runs Jupyter.
"""
import json
import os
import sys

from jupyter_client.kernelspec import KernelSpecManager

KERNEL_JVM_HEAP = "-Xmx256m"
USER_VM_HEAP = "-Xmx1g"


def cap(options, heap):
    """options (a list) without any -Xmx, plus heap."""
    return [opt for opt in options if not opt.startswith("-Xmx")] + [heap]


def cap_kernel_jvm(argv):
    """argv with the heap cap among the kernel JVM's options: java OPTIONS... -jar JAR kernel {connection_file}."""
    if "-jar" not in argv:
        sys.exit("cap_heaps.py: the jconcur kernelspec's argv has no -jar, so its JVM options cannot be found: %s"
                 % argv)
    jar = argv.index("-jar")
    return argv[:1] + cap(argv[1:jar], KERNEL_JVM_HEAP) + argv[jar:]


def main():
    path = os.path.join(KernelSpecManager().get_kernel_spec("jconcur").resource_dir, "kernel.json")
    with open(path) as f:
        spec = json.load(f)
    spec["argv"] = cap_kernel_jvm(spec["argv"])
    env = spec.setdefault("env", {})
    env["JCONCUR_USER_VM_OPTS"] = " ".join(cap(env.get("JCONCUR_USER_VM_OPTS", "").split(), USER_VM_HEAP))
    with open(path, "w") as f:
        json.dump(spec, f, indent=2)
    print("jconcur kernelspec argv:", json.dumps(spec["argv"]), "env:", json.dumps(env))


if __name__ == "__main__":
    main()
