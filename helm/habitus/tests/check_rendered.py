#!/usr/bin/python3
"""Checks the manifests rendered by `helm template` for the Habitus chart.

Usage:
  check_rendered.py --scenario {default,existing-secret,extras,no-hpa,sensors,sensors-fluent-bit,monitoring,alerts} RENDERED.yaml
  check_rendered.py --self-test RENDERED.yaml...   (built-in YAML reader == PyYAML)

Standard library only. PyYAML is used when it is importable; otherwise a small reader for
the block-style YAML that helm renders (maps, lists, plain/quoted scalars, flow [] / {} and
JSON-style flow lists, block scalars) takes over. Run by .ci/helm-check.

Prints every failed assertion and exits 1 when any failed.
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import sys

# --------------------------------------------------------------------------------------
# Minimal YAML reader (fallback when PyYAML is missing)
# --------------------------------------------------------------------------------------

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


class YamlError(ValueError):
    pass


def _strip_comment(text: str) -> str:
    """Removes a trailing ' #' comment outside quotes."""
    quote = None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
            elif ch == "\\" and quote == '"':
                continue
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
    return text.rstrip()


def _scalar(text: str):
    text = _strip_comment(text).strip()
    if text == "":
        return None
    if text.startswith('"'):
        return json.loads(text)
    if text.startswith("'"):
        if not text.endswith("'") or len(text) < 2:
            raise YamlError("unterminated single-quoted scalar: " + text)
        return text[1:-1].replace("''", "'")
    if text.startswith("[") or text.startswith("{"):
        if text in ("[]", "{}"):
            return [] if text == "[]" else {}
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            inner = text[1:-1].strip()
            if text.startswith("["):
                return [_scalar(p) for p in inner.split(",") if p.strip()]
            raise YamlError("unsupported flow mapping: " + text)
    if text in ("null", "Null", "NULL", "~"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def _split_key(text: str):
    """Splits 'key: value' -> (key, rest) or returns None when text is not a mapping entry."""
    if text.startswith('"') or text.startswith("'"):
        q = text[0]
        end = text.find(q, 1)
        while q == '"' and end > 0 and text[end - 1] == "\\":
            end = text.find(q, end + 1)
        if end < 0:
            return None
        key = _scalar(text[: end + 1])
        rest = text[end + 1:]
        if rest.startswith(":") and (len(rest) == 1 or rest[1] in " \t"):
            return str(key), rest[1:].strip()
        return None
    m = re.match(r"^([^\s#\[\]{},][^#]*?):(?:\s+|$)(.*)$", text)
    if not m:
        return None
    return m.group(1).strip(), m.group(2)


class _Reader:
    def __init__(self, text: str):
        self.lines = []  # (indent, content, raw)
        for raw in text.split("\n"):
            raw = raw.rstrip("\r")
            stripped = raw.strip()
            self.lines.append((len(raw) - len(raw.lstrip(" ")), stripped, raw))
        self.pos = 0

    def _skip_blank(self):
        while self.pos < len(self.lines):
            _, content, _ = self.lines[self.pos]
            if content == "" or content.startswith("#"):
                self.pos += 1
            else:
                return

    def _peek(self):
        self._skip_blank()
        if self.pos >= len(self.lines):
            return None
        return self.lines[self.pos]

    def parse(self):
        first = self._peek()
        if first is None:
            return None
        value = self._node(first[0])
        if self._peek() is not None:
            raise YamlError("unexpected content at line %d: %r" % (self.pos + 1, self.lines[self.pos][2]))
        return value

    def _node(self, indent: int):
        line = self._peek()
        if line is None:
            return None
        ind, content, _ = line
        if content == "-" or content.startswith("- "):
            return self._list(ind)
        if _split_key(content) is not None:
            return self._map(ind)
        self.pos += 1
        return _scalar(content)

    def _block_scalar(self, header: str, parent_indent: int) -> str:
        style = header[0]
        chomp = header[1:].strip()
        collected = []
        block_indent = None
        while self.pos < len(self.lines):
            ind, content, raw = self.lines[self.pos]
            if content == "":
                collected.append("")
                self.pos += 1
                continue
            if ind <= parent_indent:
                break
            if block_indent is None:
                block_indent = ind
            if ind < block_indent:
                break
            collected.append(raw[block_indent:])
            self.pos += 1
        while collected and collected[-1] == "":
            collected.pop()
            # Trailing blank lines belonged to the document, not the scalar (for clip/strip).
        if style == ">":
            text = ""
            for i, part in enumerate(collected):
                if i == 0:
                    text = part
                elif part == "" or collected[i - 1] == "":
                    text += "\n" + part
                else:
                    text += " " + part
        else:
            text = "\n".join(collected)
        if chomp.startswith("-"):
            return text
        return text + "\n" if collected else ""

    def _value_after_key(self, rest: str, key_indent: int):
        rest_clean = _strip_comment(rest).strip()
        if rest_clean.startswith("|") or rest_clean.startswith(">"):
            self.pos += 1
            return self._block_scalar(rest_clean, key_indent)
        if rest_clean != "":
            self.pos += 1
            return _scalar(rest_clean)
        self.pos += 1
        nxt = self._peek()
        if nxt is None:
            return None
        ind, content, _ = nxt
        if ind > key_indent:
            return self._node(ind)
        if ind == key_indent and (content == "-" or content.startswith("- ")):
            return self._list(ind)
        return None

    def _map(self, indent: int):
        result = {}
        while True:
            line = self._peek()
            if line is None:
                break
            ind, content, _ = line
            if ind < indent:
                break
            if ind > indent:
                raise YamlError("bad indentation at line %d: %r" % (self.pos + 1, line[2]))
            if content == "-" or content.startswith("- "):
                break
            kv = _split_key(content)
            if kv is None:
                raise YamlError("expected 'key: value' at line %d: %r" % (self.pos + 1, line[2]))
            key, rest = kv
            result[key] = self._value_after_key(rest, indent)
        return result

    def _list(self, indent: int):
        result = []
        while True:
            line = self._peek()
            if line is None:
                break
            ind, content, raw = line
            if ind != indent or not (content == "-" or content.startswith("- ")):
                break
            body = content[1:].lstrip(" ")
            if body == "" or body.startswith("#"):
                self.pos += 1
                nxt = self._peek()
                if nxt is not None and nxt[0] > indent:
                    result.append(self._node(nxt[0]))
                else:
                    result.append(None)
                continue
            item_indent = indent + (len(content) - len(body))
            if _split_key(body) is not None or body.startswith("- "):
                # Re-read the item's first line as if it stood alone at item_indent.
                self.lines[self.pos] = (item_indent, body, " " * item_indent + body)
                result.append(self._node(item_indent))
            else:
                self.pos += 1
                result.append(_scalar(body))
        return result


def _split_documents(text: str):
    docs, current = [], []
    for raw in text.split("\n"):
        if re.match(r"^---(\s|$)", raw):
            docs.append("\n".join(current))
            current = []
        else:
            current.append(raw)
    docs.append("\n".join(current))
    return docs


def mini_load_all(text: str):
    out = []
    for doc in _split_documents(text):
        value = _Reader(doc).parse()
        if value is not None:
            out.append(value)
    return out


def load_all(text: str):
    try:
        import yaml  # type: ignore
    except ImportError:
        return mini_load_all(text)
    return [d for d in yaml.safe_load_all(text) if d is not None]


# --------------------------------------------------------------------------------------
# Assertions
# --------------------------------------------------------------------------------------

# Components of the optional sensor shippers (values sensors.*): checked by the sensors scenarios,
# kept out of the checks of the Habitus server's own resources.
SENSOR_COMPONENTS = {"tetragon-shipper", "falcosidekick", "sensors"}


def component(doc):
    return dig(doc, "metadata", "labels", "app.kubernetes.io/component")


class Checks:
    def __init__(self, scenario: str, docs):
        self.scenario = scenario
        self.all_docs = docs
        self.docs = [d for d in docs if not (isinstance(d, dict) and component(d) in SENSOR_COMPONENTS)]
        self.sensor_docs = [d for d in docs if isinstance(d, dict) and component(d) in SENSOR_COMPONENTS]
        self.failures: list[str] = []
        self.passed = 0

    def ok(self, condition, message: str):
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
        return bool(condition)

    def of_kind(self, kind: str):
        return [d for d in self.docs if isinstance(d, dict) and d.get("kind") == kind]

    def one(self, kind: str):
        found = self.of_kind(kind)
        self.ok(len(found) == 1, "expected exactly one %s, found %d" % (kind, len(found)))
        return found[0] if found else None


def dig(obj, *path, default=None):
    for p in path:
        if isinstance(obj, dict) and p in obj:
            obj = obj[p]
        elif isinstance(obj, list) and isinstance(p, int) and -len(obj) <= p < len(obj):
            obj = obj[p]
        else:
            return default
    return obj


def walk(obj):
    """Yields (key, value) for every mapping entry, recursively."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k, v
            yield from walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from walk(v)


def env_by_name(container):
    return {e.get("name"): e for e in container.get("env") or [] if isinstance(e, dict)}


def check_common(c: Checks):
    for d in c.all_docs:
        c.ok(isinstance(d, dict) and d.get("apiVersion") and d.get("kind")
             and dig(d, "metadata", "name"),
             "every document needs apiVersion, kind and metadata.name: %r" % (str(d)[:120],))
        if isinstance(d, dict):
            labels = dig(d, "metadata", "labels", default={}) or {}
            for label in ("app.kubernetes.io/name", "app.kubernetes.io/instance",
                          "app.kubernetes.io/managed-by", "helm.sh/chart"):
                c.ok(label in labels, "%s %s lacks label %s"
                     % (d.get("kind"), dig(d, "metadata", "name"), label))

    # No manifest may run as root, except the Tetragon shipper (scenario_sensors checks it is
    # otherwise locked down: it must read root's export file and keep checkpoints on the host).
    unprivileged = [d for d in c.all_docs if not (isinstance(d, dict) and component(d) == "tetragon-shipper")]
    for k, v in walk(unprivileged):
        if k == "runAsUser":
            c.ok(v != 0, "runAsUser: 0 found")
        if k == "privileged":
            c.ok(v is not True, "privileged: true found")

    dep = c.one("Deployment")
    if dep is None:
        return None
    spec = dep.get("spec") or {}
    pod = dig(spec, "template", "spec", default={}) or {}

    # Strategy.
    c.ok(dig(spec, "strategy", "type") == "RollingUpdate", "Deployment strategy is not RollingUpdate")
    c.ok(dig(spec, "strategy", "rollingUpdate", "maxUnavailable") == 0,
         "rollingUpdate.maxUnavailable is not 0")
    c.ok(dig(spec, "strategy", "rollingUpdate", "maxSurge") == 1, "rollingUpdate.maxSurge is not 1")

    # Selector matches pod labels and the Service selector.
    sel = dig(spec, "selector", "matchLabels", default={}) or {}
    pod_labels = dig(spec, "template", "metadata", "labels", default={}) or {}
    c.ok(sel and all(pod_labels.get(k) == v for k, v in sel.items()),
         "Deployment selector does not match the pod template labels")

    annotations = dig(spec, "template", "metadata", "annotations", default={}) or {}
    c.ok(re.fullmatch(r"[0-9a-f]{64}", str(annotations.get("checksum/config", ""))),
         "pod template lacks a checksum/config annotation")

    c.ok(pod.get("terminationGracePeriodSeconds") == 40, "terminationGracePeriodSeconds is not 40")
    c.ok(pod.get("serviceAccountName"), "pod has no serviceAccountName")

    psc = pod.get("securityContext") or {}
    c.ok(psc.get("runAsNonRoot") is True, "pod securityContext.runAsNonRoot is not true")
    c.ok(psc.get("runAsUser") == 10001, "pod securityContext.runAsUser is not 10001")
    c.ok(dig(psc, "seccompProfile", "type") == "RuntimeDefault", "pod seccompProfile is not RuntimeDefault")

    # Soft spreading by default.
    aff = pod.get("affinity") or {}
    preferred = dig(aff, "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution")
    c.ok(preferred, "no soft (preferred) pod anti-affinity")
    c.ok(not dig(aff, "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution"),
         "pod anti-affinity is hard by default")
    tsc = pod.get("topologySpreadConstraints") or []
    c.ok(tsc and all(t.get("whenUnsatisfiable") == "ScheduleAnyway" for t in tsc),
         "topologySpreadConstraints missing or not soft (ScheduleAnyway)")

    containers = pod.get("containers") or []
    c.ok(len(containers) >= 1, "Deployment has no containers")
    tmp_volumes = {v.get("name") for v in pod.get("volumes") or [] if "emptyDir" in v}
    for ctr in containers:
        name = ctr.get("name")
        ports = {p.get("name"): p.get("containerPort") for p in ctr.get("ports") or []}
        c.ok(ports.get("http") == 8080, "container %s has no port http/8080" % name)
        for probe, path in (("livenessProbe", "/actuator/health/liveness"),
                            ("readinessProbe", "/actuator/health/readiness"),
                            ("startupProbe", "/actuator/health/liveness")):
            c.ok(dig(ctr, probe, "httpGet", "path") == path,
                 "container %s %s path is not %s (got %r)"
                 % (name, probe, path, dig(ctr, probe, "httpGet", "path")))
            c.ok(dig(ctr, probe, "httpGet", "port") in ("http", 8080),
                 "container %s %s does not probe the http port" % (name, probe))
        sc = ctr.get("securityContext") or {}
        c.ok(sc.get("runAsNonRoot") is True, "container %s runAsNonRoot is not true" % name)
        c.ok(sc.get("readOnlyRootFilesystem") is True,
             "container %s readOnlyRootFilesystem is not true" % name)
        c.ok(sc.get("allowPrivilegeEscalation") is False,
             "container %s allowPrivilegeEscalation is not false" % name)
        c.ok("ALL" in (dig(sc, "capabilities", "drop", default=[]) or []),
             "container %s does not drop ALL capabilities" % name)
        c.ok(dig(sc, "seccompProfile", "type") == "RuntimeDefault",
             "container %s seccompProfile is not RuntimeDefault" % name)
        limits = dig(ctr, "resources", "limits", default={}) or {}
        requests = dig(ctr, "resources", "requests", default={}) or {}
        c.ok(limits.get("memory") and limits.get("cpu"),
             "container %s lacks resources.limits cpu and memory" % name)
        c.ok(requests.get("memory") and requests.get("cpu"),
             "container %s lacks resources.requests cpu and memory" % name)
        mounts = {m.get("mountPath"): m.get("name") for m in ctr.get("volumeMounts") or []}
        c.ok(mounts.get("/tmp") in tmp_volumes, "container %s has no emptyDir mounted at /tmp" % name)

        env = env_by_name(ctr)
        c.ok(dig(env, "SERVER_PORT", "value") == "8080", "SERVER_PORT env is not \"8080\"")
        for secret_env in ("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "HABITUS_ADMIN_TOKEN"):
            c.ok(dig(env, secret_env, "valueFrom", "secretKeyRef", "name"),
                 "%s does not come from a secretKeyRef" % secret_env)
            c.ok("value" not in (env.get(secret_env) or {}),
                 "%s is set as a plain value" % secret_env)
        cm_refs = [dig(e, "configMapRef", "name") for e in ctr.get("envFrom") or []]
        cms = {dig(d, "metadata", "name"): d for d in c.of_kind("ConfigMap")}
        c.ok(any(r in cms for r in cm_refs), "container %s does not load the chart's ConfigMap" % name)
        for r in cm_refs:
            if r in cms:
                data = cms[r].get("data") or {}
                c.ok(str(data.get("SPRING_DATASOURCE_URL", "")).startswith("jdbc:postgresql:"),
                     "ConfigMap lacks SPRING_DATASOURCE_URL")
                for key in data:
                    c.ok(key not in ("SPRING_DATASOURCE_PASSWORD", "HABITUS_ADMIN_TOKEN"),
                         "ConfigMap holds secret %s" % key)

    # Service: ClusterIP, port 80 -> http.
    svc = c.one("Service")
    if svc:
        c.ok(dig(svc, "spec", "type") == "ClusterIP", "Service type is not ClusterIP")
        ports = dig(svc, "spec", "ports", default=[]) or []
        c.ok(any(p.get("name") == "http" and p.get("port") == 80 and p.get("targetPort") in ("http", 8080)
                 for p in ports), "Service lacks port http 80 -> http")
        svc_sel = dig(svc, "spec", "selector", default={}) or {}
        c.ok(svc_sel and all(pod_labels.get(k) == v for k, v in svc_sel.items()),
             "Service selector does not match the pods")

    pdb = c.one("PodDisruptionBudget")
    if pdb:
        s = pdb.get("spec") or {}
        c.ok(s.get("minAvailable") == 1 or s.get("maxUnavailable") == 1,
             "PodDisruptionBudget is neither minAvailable 1 nor maxUnavailable 1")
        c.ok(dig(s, "selector", "matchLabels") == sel, "PodDisruptionBudget selector differs from the Deployment's")

    sa = c.one("ServiceAccount")
    if sa:
        c.ok(dig(sa, "metadata", "name") == pod.get("serviceAccountName"),
             "pods do not use the chart's ServiceAccount")

    return dep


def check_hpa(c: Checks, dep):
    hpa = c.one("HorizontalPodAutoscaler")
    if not hpa or not dep:
        return
    c.ok(hpa.get("apiVersion") == "autoscaling/v2", "HPA is not autoscaling/v2")
    c.ok(dig(hpa, "spec", "scaleTargetRef", "name") == dig(dep, "metadata", "name")
         and dig(hpa, "spec", "scaleTargetRef", "kind") == "Deployment",
         "HPA does not target the Deployment")
    metrics = dig(hpa, "spec", "metrics", default=[]) or []
    c.ok(any(dig(m, "resource", "name") == "cpu" for m in metrics), "HPA has no CPU target")
    min_r = dig(hpa, "spec", "minReplicas")
    c.ok(isinstance(min_r, int) and min_r >= 2, "HPA minReplicas < 2 (got %r)" % (min_r,))
    # With an HPA the Deployment leaves replicas to it; if set anyway, it must be >= 2.
    replicas = dig(dep, "spec", "replicas")
    c.ok(replicas is None or replicas >= 2, "Deployment replicas < 2 (got %r)" % (replicas,))


def chart_secret_keys(c: Checks):
    keys = {}
    for s in c.of_kind("Secret"):
        data = dict(s.get("data") or {})
        for k, v in (s.get("stringData") or {}).items():
            data[k] = base64.b64encode(str(v).encode()).decode()
        keys[dig(s, "metadata", "name")] = data
    return keys


def scenario_default(c: Checks):
    dep = check_common(c)
    check_hpa(c, dep)
    secrets = chart_secret_keys(c)
    c.ok(len(secrets) == 1, "expected one chart Secret, found %d" % len(secrets))
    if dep:
        env = env_by_name(dig(dep, "spec", "template", "spec", "containers", 0, default={}))
        for var, key, plain in (("SPRING_DATASOURCE_USERNAME", "database-username", "habitus"),
                                ("SPRING_DATASOURCE_PASSWORD", "database-password", "ci-test-password"),
                                ("HABITUS_ADMIN_TOKEN", "admin-token", "ci-test-admin-token")):
            ref = dig(env, var, "valueFrom", "secretKeyRef", default={}) or {}
            data = secrets.get(ref.get("name"), {})
            c.ok(ref.get("key") == key and key in data,
                 "%s does not reference key %s of the chart Secret" % (var, key))
            if key in data:
                c.ok(base64.b64decode(data[key]).decode() == plain,
                     "Secret key %s does not hold the value passed with --set" % key)
        annotations = dig(dep, "spec", "template", "metadata", "annotations", default={}) or {}
        c.ok(re.fullmatch(r"[0-9a-f]{64}", str(annotations.get("checksum/secret", ""))),
             "pod template lacks a checksum/secret annotation")
    for kind in ("ServiceMonitor", "NetworkPolicy", "Ingress", "PrometheusRule"):
        c.ok(not c.of_kind(kind), "%s rendered although disabled by default" % kind)
    c.ok(not dashboard_maps(c), "Grafana dashboard ConfigMap rendered although disabled by default")
    c.ok(not c.sensor_docs, "sensor resources rendered although sensors are disabled by default")


def sensor_docs(c: Checks, kind: str, comp: str):
    return [d for d in c.sensor_docs if d.get("kind") == kind and component(d) == comp]


def check_sensor_env(c: Checks, container, token_secret: str, token_key: str):
    env = env_by_name(container)
    ref = dig(env, "HABITUS_TOKEN", "valueFrom", "secretKeyRef", default={}) or {}
    c.ok(ref.get("name") == token_secret and ref.get("key") == token_key,
         "%s: HABITUS_TOKEN should come from %s/%s, got %r" % (container.get("name"), token_secret, token_key, ref))


def check_tetragon_shipper(c: Checks, shipper: str, token_secret: str, token_key: str):
    ds = sensor_docs(c, "DaemonSet", "tetragon-shipper")
    c.ok(len(ds) == 1, "expected one tetragon-shipper DaemonSet, found %d" % len(ds))
    if not ds:
        return
    pod = dig(ds[0], "spec", "template", "spec", default={}) or {}
    sel = dig(ds[0], "spec", "selector", "matchLabels", default={}) or {}
    c.ok(sel.get("app.kubernetes.io/component") == "tetragon-shipper", "shipper selector is not its own component")
    container = (pod.get("containers") or [{}])[0]
    c.ok(container.get("name") == shipper, "shipper container is not %s" % shipper)
    sc = container.get("securityContext") or {}
    c.ok(sc.get("allowPrivilegeEscalation") is False, "shipper allows privilege escalation")
    c.ok(sc.get("readOnlyRootFilesystem") is True, "shipper root filesystem is writable")
    c.ok(sc.get("privileged") is not True, "shipper is privileged")
    c.ok(dig(sc, "capabilities", "drop") == ["ALL"] and not dig(sc, "capabilities", "add"), "shipper keeps capabilities")
    mounts = {m.get("name"): m for m in container.get("volumeMounts") or []}
    c.ok(dig(mounts, "export", "readOnly") is True, "Tetragon's export directory is not mounted read-only")
    c.ok(dig(mounts, "config", "readOnly") is True, "shipper configuration is not mounted read-only")
    volumes = {v.get("name"): v for v in pod.get("volumes") or []}
    c.ok(dig(volumes, "state", "hostPath", "path"), "shipper checkpoints are not kept on the host")
    check_sensor_env(c, container, token_secret, token_key)
    url = dig(env_by_name(container), "HABITUS_URL", "value", default="")
    c.ok(url == "http://habitus.habitus.svc:80", "HABITUS_URL is not the Habitus Service (%r)" % url)
    cms = sensor_docs(c, "ConfigMap", "tetragon-shipper")
    data = dig(cms[0], "data", default={}) if cms else {}
    config = data.get("vector.yaml") if shipper == "vector" else data.get("fluent-bit.conf")
    c.ok(config and "/api/v1/sensors/tetragon" in config and "gzip" in config,
         "shipper configuration does not post gzip to /api/v1/sensors/tetragon")
    if shipper == "vector" and config:
        batch = re.search(r"max_events: (\d+)", config)
        c.ok(batch and int(batch.group(1)) <= 10000, "Vector batches exceed Habitus's 10000 records")
        c.ok("Content-Type: application/x-ndjson" in config, "Vector does not send application/x-ndjson")
    if shipper == "fluent-bit" and config:
        c.ok("json_lines" in config and "parsers.conf" in data, "Fluent Bit does not send JSON lines")


def scenario_sensors(c: Checks):
    dep = check_common(c)
    check_hpa(c, dep)
    check_tetragon_shipper(c, "vector", "habitus-sensors", "agent-token")
    secrets = [d for d in c.sensor_docs if d.get("kind") == "Secret"]
    c.ok(len(secrets) == 1 and base64.b64decode(dig(secrets[0], "data", "agent-token", default="")).decode() == "ci-agent-token",
         "the sensors Secret does not hold the token passed with --set")
    rules = sensor_docs(c, "ConfigMap", "sensors")
    c.ok(rules and "rule: Habitus exec" in dig(rules[0], "data", "habitus-rules.yaml", default=""),
         "the Falco rules ConfigMap lacks Habitus's rules")
    sidekick = sensor_docs(c, "Deployment", "falcosidekick")
    c.ok(len(sidekick) == 1, "expected one falcosidekick Deployment")
    if sidekick:
        container = dig(sidekick[0], "spec", "template", "spec", "containers", 0, default={}) or {}
        env = env_by_name(container)
        c.ok(dig(env, "WEBHOOK_ADDRESS", "value") == "http://habitus.habitus.svc:80/api/v1/sensors/falco",
             "Falcosidekick's webhook does not post to the Habitus Service's /api/v1/sensors/falco")
        c.ok("$(HABITUS_TOKEN)" in str(dig(env, "WEBHOOK_CUSTOMHEADERS", "value", default="")),
             "Falcosidekick does not send the bearer token")
        check_sensor_env(c, container, "habitus-sensors", "agent-token")
    svc = sensor_docs(c, "Service", "falcosidekick")
    c.ok(svc and dig(svc[0], "spec", "selector", "app.kubernetes.io/component") == "falcosidekick",
         "the falcosidekick Service does not select Falcosidekick")
    server_svc = c.one("Service")
    if server_svc:
        c.ok(dig(server_svc, "spec", "selector", "app.kubernetes.io/component") == "server",
             "the Habitus Service could select sensor pods")


def scenario_sensors_fluent_bit(c: Checks):
    check_common(c)
    check_tetragon_shipper(c, "fluent-bit", "habitus-agent", "token")
    c.ok(not [d for d in c.sensor_docs if d.get("kind") == "Secret"], "a sensors Secret was rendered although the token comes from an existing Secret")
    c.ok(not sensor_docs(c, "Deployment", "falcosidekick"), "Falcosidekick rendered although sensors.falco.enabled is false")


def scenario_alerts(c: Checks):
    dep = check_common(c)
    env = env_by_name(dig(dep, "spec", "template", "spec", "containers", 0, default={}) or {}) if dep else {}
    for var, secret, key in (("HABITUS_ALERTS_SINKS_0_URL", "habitus-alert-sinks", "soc-url"),
                             ("HABITUS_ALERTS_SINKS_0_SECRET", "habitus-alert-sinks", "soc-secret"),
                             ("HABITUS_ALERTS_SINKS_1_URL", "habitus-alert-sinks", "slack-url")):
        ref = dig(env, var, "valueFrom", "secretKeyRef", default={}) or {}
        c.ok(ref.get("name") == secret and ref.get("key") == key,
             "%s should use secretKeyRef %s/%s, got %r" % (var, secret, key, ref))
    expected = {
        "HABITUS_ALERTS_PUBLIC_URL": "https://habitus.example.com",
        "HABITUS_ALERTS_SINKS_0_NAME": "soc-webhook",
        "HABITUS_ALERTS_SINKS_0_TYPE": "WEBHOOK",
        "HABITUS_ALERTS_SINKS_1_TYPE": "SLACK",
        "HABITUS_ALERTS_SINKS_1_TAKES": "INCIDENTS",
        "HABITUS_ALERTS_SINKS_1_MIN_SEVERITY": "MEDIUM",
        "HABITUS_ALERTS_SINKS_2_TYPE": "ALERTMANAGER",
        "HABITUS_ALERTS_SINKS_2_URL": "http://alertmanager.monitoring.svc:9093/api/v2/alerts",
        "HABITUS_ALERTS_SINKS_2_MAX_BATCH_SIZE": "50",
        "HABITUS_ALERTS_SINKS_2_READ_TIMEOUT": "5s",
    }
    for var, value in expected.items():
        c.ok(dig(env, var, "value") == value, "%s should be %r, got %r" % (var, value, dig(env, var, "value")))
    c.ok("HABITUS_ALERTS_SINKS_2_SECRET" not in env, "a sink without secretFrom got a secret")
    policy = c.one("NetworkPolicy")
    ports = [p.get("port") for rule in (dig(policy, "spec", "egress", default=[]) or []) for p in (rule.get("ports") or [])]
    c.ok(443 in ports and 9093 in ports, "the NetworkPolicy does not let the pods reach the alert sinks: %r" % ports)


def scenario_existing_secret(c: Checks):
    dep = check_common(c)
    check_hpa(c, dep)
    if dep:
        env = env_by_name(dig(dep, "spec", "template", "spec", "containers", 0, default={}))
        for var, secret, key in (("SPRING_DATASOURCE_USERNAME", "habitus-db-credentials", "user"),
                                 ("SPRING_DATASOURCE_PASSWORD", "habitus-db-credentials", "pass"),
                                 ("HABITUS_ADMIN_TOKEN", "habitus-admin", "admin-token")):
            ref = dig(env, var, "valueFrom", "secretKeyRef", default={}) or {}
            c.ok(ref.get("name") == secret and ref.get("key") == key,
                 "%s should use secretKeyRef %s/%s, got %r" % (var, secret, key, ref))
    secrets = chart_secret_keys(c)
    for name, data in secrets.items():
        for key in data:
            c.ok("password" not in key and "admin-token" not in key and "username" not in key,
                 "Secret %s holds %s although existing secrets were given" % (name, key))
    c.ok(not secrets, "a Secret was rendered although every credential comes from existing secrets")
    dumped = json.dumps(c.docs)
    for secret in ("ci-test-password", base64.b64encode(b"ci-test-password").decode()):
        c.ok(secret not in dumped, "the database password appears in the manifests")


def scenario_extras(c: Checks):
    dep = check_common(c)
    check_hpa(c, dep)
    sm = c.one("ServiceMonitor")
    if sm:
        c.ok(sm.get("apiVersion") == "monitoring.coreos.com/v1", "ServiceMonitor apiVersion is not monitoring.coreos.com/v1")
        eps = dig(sm, "spec", "endpoints", default=[]) or []
        c.ok(any(e.get("port") == "http" and e.get("path") == "/actuator/prometheus" for e in eps),
             "ServiceMonitor does not scrape http /actuator/prometheus")
        svc = (c.of_kind("Service") or [{}])[0]
        svc_labels = dig(svc, "metadata", "labels", default={}) or {}
        c.ok(all(svc_labels.get(k) == v for k, v in (dig(sm, "spec", "selector", "matchLabels", default={}) or {}).items()),
             "ServiceMonitor selector does not match the Service labels")
    np = c.one("NetworkPolicy")
    if np:
        spec = np.get("spec") or {}
        c.ok(set(spec.get("policyTypes") or []) == {"Ingress", "Egress"}, "NetworkPolicy policyTypes are not Ingress+Egress")
        ingress_ports = [p.get("port") for r in spec.get("ingress") or [] for p in r.get("ports") or []]
        c.ok("http" in ingress_ports or 8080 in ingress_ports, "NetworkPolicy does not allow ingress on http")
        egress = [(p.get("port"), p.get("protocol", "TCP")) for r in spec.get("egress") or [] for p in r.get("ports") or []]
        c.ok((5432, "TCP") in egress, "NetworkPolicy does not allow egress to PostgreSQL 5432/TCP")
        c.ok((53, "UDP") in egress and (53, "TCP") in egress, "NetworkPolicy does not allow DNS egress (53 UDP+TCP)")
    ing = c.one("Ingress")
    if ing:
        backends = [dig(p, "backend", "service", "port", "name") for r in dig(ing, "spec", "rules", default=[]) or []
                    for p in dig(r, "http", "paths", default=[]) or []]
        c.ok(backends and all(b == "http" for b in backends), "Ingress does not route to the http port")


def scenario_no_hpa(c: Checks):
    dep = check_common(c)
    c.ok(not c.of_kind("HorizontalPodAutoscaler"), "HPA rendered although autoscaling.enabled=false")
    if dep:
        replicas = dig(dep, "spec", "replicas")
        c.ok(replicas == 3, "Deployment replicas is not the default 3 without HPA (got %r)" % (replicas,))


def dashboard_maps(c: Checks):
    return [d for d in c.of_kind("ConfigMap") if "habitus.json" in (d.get("data") or {})]


# What every alert and panel must select on; the monitoring scenario renders with fullnameOverride=habitus-server.
MONITORING_SELECTOR = 'namespace="habitus", job="habitus-server"'
EXPECTED_ALERTS = {"HabitusIngestRejecting", "HabitusServerErrors", "HabitusUnavailable", "HabitusDatabasePoolWaiting",
                   "HabitusTrainingFailed", "HabitusTrainingInsufficient", "HabitusIncidentsUnacknowledged", "HabitusAlertBacklog",
                   "HabitusAlertDeliveriesFailing", "HabitusReplicaDown", "HabitusDown"}


def balanced(expr: str) -> bool:
    """Brackets of a PromQL expression close in order, outside string literals."""
    stack, quote = [], None
    for ch in expr:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "\"'`":
            quote = ch
        elif ch in "({[":
            stack.append(ch)
        elif ch in ")}]":
            if not stack or "({["[")}]".index(ch)] != stack.pop():
                return False
    return not stack and quote is None


def scenario_monitoring(c: Checks):
    check_common(c)
    rule = c.one("PrometheusRule")
    if rule:
        c.ok(rule.get("apiVersion") == "monitoring.coreos.com/v1", "PrometheusRule apiVersion is not monitoring.coreos.com/v1")
        c.ok(dig(rule, "metadata", "labels", "release") == "kube-prometheus-stack",
             "prometheusRule.labels are not on the PrometheusRule")
        rules = [r for g in dig(rule, "spec", "groups", default=[]) or [] for r in g.get("rules") or []]
        alerts = {r.get("alert") for r in rules}
        c.ok(EXPECTED_ALERTS <= alerts, "alerts missing from the PrometheusRule: %s" % sorted(EXPECTED_ALERTS - alerts))
        for r in rules:
            expr = str(r.get("expr", ""))
            c.ok(MONITORING_SELECTOR in expr, "alert %s does not select this release's series: %s" % (r.get("alert"), expr))
            c.ok('job="habitus"' not in expr, "alert %s still has the placeholder selector" % r.get("alert"))
            c.ok(balanced(expr), "alert %s has unbalanced brackets: %s" % (r.get("alert"), expr))
            c.ok(dig(r, "labels", "severity") in ("critical", "warning", "info"), "alert %s has no severity" % r.get("alert"))
            c.ok(dig(r, "annotations", "summary") and dig(r, "annotations", "description"),
                 "alert %s lacks a summary or description" % r.get("alert"))
    maps = dashboard_maps(c)
    c.ok(len(maps) == 1, "expected one Grafana dashboard ConfigMap, found %d" % len(maps))
    if maps:
        c.ok(dig(maps[0], "metadata", "labels", "grafana_dashboard") == "1",
             "dashboard ConfigMap lacks the grafana_dashboard: \"1\" label the sidecar selects on")
        c.ok(dig(maps[0], "metadata", "annotations", "grafana_folder") == "Habitus",
             "grafana.dashboards.annotations are not on the ConfigMap")
        try:
            board = json.loads(maps[0]["data"]["habitus.json"])
        except json.JSONDecodeError as e:
            c.ok(False, "dashboard JSON does not parse: %s" % e)
            return
        c.ok(board.get("uid") == "habitus-overview", "dashboard uid is not habitus-overview")
        names = {v.get("name") for v in dig(board, "templating", "list", default=[]) or []}
        c.ok({"datasource", "namespace"} <= names, "dashboard lacks its datasource and namespace variables")
        targets = [t for p in board.get("panels") or [] for t in p.get("targets") or []]
        c.ok(len(targets) >= 20, "dashboard has only %d queries" % len(targets))
        ids = [p.get("id") for p in board.get("panels") or []]
        c.ok(len(ids) == len(set(ids)), "dashboard panel ids are not unique")
        for t in targets:
            expr = t.get("expr", "")
            c.ok('application="habitus"' in expr, "dashboard query does not select Habitus's series: %s" % expr)
            c.ok(balanced(expr), "dashboard query has unbalanced brackets: %s" % expr)


SCENARIOS = {
    "default": scenario_default,
    "existing-secret": scenario_existing_secret,
    "extras": scenario_extras,
    "no-hpa": scenario_no_hpa,
    "sensors": scenario_sensors,
    "sensors-fluent-bit": scenario_sensors_fluent_bit,
    "monitoring": scenario_monitoring,
    "alerts": scenario_alerts,
}


def self_test(paths) -> int:
    import yaml  # type: ignore
    bad = 0
    for p in paths:
        text = open(p, encoding="utf-8").read()
        ours = mini_load_all(text)
        theirs = [d for d in yaml.safe_load_all(text) if d is not None]
        if ours != theirs:
            bad += 1
            print("self-test: built-in YAML reader differs from PyYAML on %s" % p)
            for i, (a, b) in enumerate(zip(ours, theirs)):
                if a != b:
                    print("  document %d:\n    ours:   %s\n    pyyaml: %s" % (i, json.dumps(a)[:400], json.dumps(b)[:400]))
                    break
            if len(ours) != len(theirs):
                print("  %d vs %d documents" % (len(ours), len(theirs)))
        else:
            print("self-test: %s: %d documents identical" % (p, len(ours)))
    return 1 if bad else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", choices=sorted(SCENARIOS))
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--builtin-yaml", action="store_true", help="use the built-in reader even if PyYAML exists")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test(args.files)
    if not args.scenario:
        ap.error("--scenario is required")
    text = "\n---\n".join(open(f, encoding="utf-8").read() for f in args.files)
    try:
        docs = mini_load_all(text) if args.builtin_yaml else load_all(text)
    except Exception as e:  # noqa: BLE001 - report any parse problem as a failure
        print("[%s] FAIL: rendered output is not valid YAML: %s" % (args.scenario, e))
        return 1
    c = Checks(args.scenario, docs)
    SCENARIOS[args.scenario](c)
    kinds = sorted({str(d.get("kind")) for d in docs if isinstance(d, dict)})
    if c.failures:
        for f in c.failures:
            print("[%s] FAIL: %s" % (args.scenario, f))
        print("[%s] %d passed, %d failed" % (args.scenario, c.passed, len(c.failures)))
        return 1
    print("[%s] %d passed, 0 failed (%s)" % (args.scenario, c.passed, ", ".join(kinds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
