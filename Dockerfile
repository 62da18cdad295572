# jconcur for docker and JupyterHub users: JupyterLab 4 + Notebook 7 (pinned in requirements.txt), a JDK 25, the jconcur kernel.
#   docker build -t jconcur .
#   docker run --rm -p 8888:8888 jconcur        (then open the http://127.0.0.1:8888/lab?token=... URL it prints)
# The kernel is built and installed by dev/setup.sh, the same script CI and Binder use.
# The JDK is the feature release CI tests (dev/jdk-version; JdkPinTest fails when they differ).
FROM eclipse-temurin:25.0.3_9-jdk-noble

# Ubuntu images ship a user "ubuntu" with uid 1000: jconcur's user takes that uid instead.
ARG NB_USER=jovyan
ARG NB_UID=1000

# Python for Jupyter; fonts so that charts render their text (headless AWT needs fontconfig and a font).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      python3 python3-venv fontconfig fonts-dejavu-core ca-certificates tini \
 && rm -rf /var/lib/apt/lists/* \
 && (userdel --remove ubuntu 2>/dev/null || true) \
 && useradd --create-home --home-dir "/home/${NB_USER}" --uid "${NB_UID}" --shell /bin/bash "${NB_USER}"

# Jupyter in its own virtual environment with the pins CI tests (requirements.txt: JupyterLab 4, Notebook 7,
# nbgrader, JupyterHub for the single-user server, checked: Zero to JupyterHub starts jupyterhub-singleuser);
# its bin/ comes first on PATH, so that
# `install --sys-prefix` puts the kernelspec into this environment.
COPY requirements.txt /opt/jconcur/requirements.txt
RUN python3 -m venv /opt/jupyter \
 && /opt/jupyter/bin/pip install --no-cache-dir -r /opt/jconcur/requirements.txt \
 && /opt/jupyter/bin/jupyterhub-singleuser --version
ENV PATH=/opt/jupyter/bin:${PATH}

# Build and install the kernel (apt is done above), then drop the build's caches.
COPY . /opt/jconcur
RUN cd /opt/jconcur \
 && dev/setup.sh --no-apt --sys-prefix \
 && jupyter kernelspec list | grep -q '^ *jconcur ' \
 && ./mvnw -B -q clean \
 && rm -rf /root/.m2

COPY --chown=${NB_UID}:${NB_UID} notebooks /home/${NB_USER}/notebooks

USER ${NB_UID}
ENV HOME=/home/${NB_USER}
WORKDIR /home/${NB_USER}/notebooks
EXPOSE 8888
ENTRYPOINT ["tini", "--"]
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser"]
