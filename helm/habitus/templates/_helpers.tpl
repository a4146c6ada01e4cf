{{/*
Chart name, truncated to the 63 characters Kubernetes allows in names and labels.
*/}}
{{- define "habitus.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: release-chart, unless the release name already contains the chart name.
*/}}
{{- define "habitus.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "habitus.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Standard labels on every resource.
*/}}
{{- define "habitus.labels" -}}
helm.sh/chart: {{ include "habitus.chart" . }}
{{ include "habitus.selectorLabels" . }}
app.kubernetes.io/version: {{ (default .Chart.AppVersion .Values.image.tag) | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: habitus
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Selector labels: stable across upgrades (never add version-like values here).
*/}}
{{- define "habitus.selectorLabels" -}}
app.kubernetes.io/name: {{ include "habitus.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{/*
ServiceAccount name.
*/}}
{{- define "habitus.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "habitus.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Container image reference: repository@digest, or repository:tag (tag defaults to appVersion).
*/}}
{{- define "habitus.image" -}}
{{- $repo := required "image.repository is required" .Values.image.repository }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repo .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repo (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}
{{- end }}

{{/*
Name of the Secret the chart creates.
*/}}
{{- define "habitus.secretName" -}}
{{- include "habitus.fullname" . }}
{{- end }}

{{/*
Whether the chart must create its own Secret: "true" when any credential comes from values.
*/}}
{{- define "habitus.createSecret" -}}
{{- if or (not .Values.database.existingSecret) (not .Values.adminToken.existingSecret) }}true{{- end }}
{{- end }}

{{/*
Secret and keys holding the database credentials.
*/}}
{{- define "habitus.databaseSecretName" -}}
{{- if .Values.database.existingSecret }}
{{- tpl .Values.database.existingSecret . }}
{{- else }}
{{- include "habitus.secretName" . }}
{{- end }}
{{- end }}

{{- define "habitus.databaseUsernameKey" -}}
{{- if .Values.database.existingSecret }}
{{- required "database.existingSecretUsernameKey is required when database.existingSecret is set" .Values.database.existingSecretUsernameKey }}
{{- else }}database-username{{- end }}
{{- end }}

{{- define "habitus.databasePasswordKey" -}}
{{- if .Values.database.existingSecret }}
{{- required "database.existingSecretPasswordKey is required when database.existingSecret is set" .Values.database.existingSecretPasswordKey }}
{{- else }}database-password{{- end }}
{{- end }}

{{/*
Secret and key holding the first admin token.
*/}}
{{- define "habitus.adminTokenSecretName" -}}
{{- if .Values.adminToken.existingSecret }}
{{- tpl .Values.adminToken.existingSecret . }}
{{- else }}
{{- include "habitus.secretName" . }}
{{- end }}
{{- end }}

{{- define "habitus.adminTokenKey" -}}
{{- if .Values.adminToken.existingSecret }}
{{- required "adminToken.existingSecretKey is required when adminToken.existingSecret is set" .Values.adminToken.existingSecretKey }}
{{- else }}admin-token{{- end }}
{{- end }}

{{/*
Fail early, with clear messages, on values that cannot produce a working release.
Included from the Deployment so that every render validates.
*/}}
{{- define "habitus.validateValues" -}}
{{- $_ := required "database.url is required: the JDBC URL of an external PostgreSQL 15+ (e.g. --set database.url=jdbc:postgresql://db:5432/habitus)" .Values.database.url }}
{{- if not (hasPrefix "jdbc:postgresql:" .Values.database.url) }}
{{- fail (printf "database.url must be a PostgreSQL JDBC URL starting with jdbc:postgresql: (got %q)" .Values.database.url) }}
{{- end }}
{{- if not .Values.database.existingSecret }}
{{- $_ := required "database.username is required (or set database.existingSecret to a Secret holding the credentials)" .Values.database.username }}
{{- $_ := required "database.password is required (or set database.existingSecret to a Secret holding the credentials)" .Values.database.password }}
{{- end }}
{{- if not .Values.adminToken.existingSecret }}
{{- $_ := required "adminToken.value is required (generate one with: openssl rand -hex 32), or set adminToken.existingSecret" .Values.adminToken.value }}
{{- end }}
{{- if and .Values.podDisruptionBudget.enabled (not (or (toString .Values.podDisruptionBudget.minAvailable) (toString .Values.podDisruptionBudget.maxUnavailable))) }}
{{- fail "podDisruptionBudget: set minAvailable or maxUnavailable" }}
{{- end }}
{{- if and .Values.autoscaling.enabled (lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- fail "autoscaling.maxReplicas must be >= autoscaling.minReplicas" }}
{{- end }}
{{- include "habitus.validateAlerts" . }}
{{- end }}

{{/*
Labels of a sensor component (tetragon-shipper, falcosidekick, sensors): the chart's labels with
their own component, so that the Habitus Service and PodDisruptionBudget never select them.
Call with (dict "root" $ "component" "falcosidekick").
*/}}
{{- define "habitus.componentSelectorLabels" -}}
app.kubernetes.io/name: {{ include "habitus.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "habitus.componentLabels" -}}
helm.sh/chart: {{ include "habitus.chart" .root }}
{{ include "habitus.componentSelectorLabels" . }}
app.kubernetes.io/version: {{ (default .root.Chart.AppVersion .root.Values.image.tag) | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: habitus
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Habitus's URL inside the cluster, for the sensors' shippers.
*/}}
{{- define "habitus.internalUrl" -}}
{{- printf "http://%s.%s.svc:%v" (include "habitus.fullname" .) .Release.Namespace .Values.service.port }}
{{- end }}

{{/*
Secret and key holding the shippers' bearer token (role AGENT); fails when none is given.
*/}}
{{- define "habitus.sensorsTokenSecretName" -}}
{{- if .Values.sensors.token.existingSecret }}
{{- tpl .Values.sensors.token.existingSecret . }}
{{- else }}
{{- printf "%s-sensors" (include "habitus.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "habitus.sensorsTokenKey" -}}
{{- if .Values.sensors.token.existingSecret }}
{{- required "sensors.token.existingSecretKey is required when sensors.token.existingSecret is set" .Values.sensors.token.existingSecretKey }}
{{- else }}agent-token{{- end }}
{{- end }}

{{- define "habitus.validateSensors" -}}
{{- if and (or .Values.sensors.tetragon.enabled .Values.sensors.falco.enabled) (not .Values.sensors.token.existingSecret) }}
{{- $_ := required "sensors.token.value is required when a sensor is enabled: a token of role AGENT (POST /api/v1/tokens {\"name\": \"sensors\", \"role\": \"AGENT\"}), or set sensors.token.existingSecret" .Values.sensors.token.value }}
{{- end }}
{{- if and .Values.sensors.tetragon.enabled (not (has .Values.sensors.tetragon.shipper (list "vector" "fluent-bit"))) }}
{{- fail (printf "sensors.tetragon.shipper must be vector or fluent-bit (got %q)" .Values.sensors.tetragon.shipper) }}
{{- end }}
{{- end }}

{{/*
The label matchers that select this release's series in the PrometheusRule: its namespace and the
job the chart's ServiceMonitor gives them (the Service's name), unless prometheusRule.metricSelector says otherwise.
*/}}
{{- define "habitus.metricSelector" -}}
{{- if .Values.prometheusRule.metricSelector }}
{{- .Values.prometheusRule.metricSelector }}
{{- else }}
{{- printf "namespace=%q, job=%q" .Release.Namespace (include "habitus.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Alert sinks: each one must have a name, a known type and a URL; a Slack URL and any HMAC key only
from a Secret (they are credentials), never as plain values.
*/}}
{{- define "habitus.validateAlerts" -}}
{{- range $i, $sink := .Values.alerts.sinks }}
{{- if not (regexMatch "^[a-z0-9][a-z0-9-]{0,62}$" (toString $sink.name)) }}
{{- fail (printf "alerts.sinks[%d].name must be lower case letters, digits and dashes (got %q)" $i (toString $sink.name)) }}
{{- end }}
{{- if not (has (toString $sink.type) (list "WEBHOOK" "SLACK" "ALERTMANAGER" "CLOUDEVENTS")) }}
{{- fail (printf "alerts.sinks[%d].type must be WEBHOOK, SLACK, ALERTMANAGER or CLOUDEVENTS (got %q)" $i (toString $sink.type)) }}
{{- end }}
{{- if and (not $sink.url) (not $sink.urlFrom) }}
{{- fail (printf "alerts.sinks[%d] (%s) needs url or urlFrom {secretName, key}" $i $sink.name) }}
{{- end }}
{{- if and $sink.url (eq (toString $sink.type) "SLACK") }}
{{- fail (printf "alerts.sinks[%d] (%s): a Slack webhook URL is a credential; give it with urlFrom {secretName, key}" $i $sink.name) }}
{{- end }}
{{- if $sink.secret }}
{{- fail (printf "alerts.sinks[%d] (%s): give the HMAC key with secretFrom {secretName, key}, not as a plain value" $i $sink.name) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Environment variables of the alert sinks: habitus.alerts.sinks[n].* through Spring's relaxed
binding (HABITUS_ALERTS_SINKS_<n>_URL, …), URLs and keys from the named Secrets.
*/}}
{{- define "habitus.alertEnv" -}}
{{- with .Values.alerts.publicUrl }}
- name: HABITUS_ALERTS_PUBLIC_URL
  value: {{ . | quote }}
{{- end }}
{{- range $i, $sink := .Values.alerts.sinks }}
{{- $prefix := printf "HABITUS_ALERTS_SINKS_%d_" $i }}
- name: {{ $prefix }}NAME
  value: {{ $sink.name | quote }}
- name: {{ $prefix }}TYPE
  value: {{ $sink.type | quote }}
- name: {{ $prefix }}URL
{{- if $sink.urlFrom }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "alerts.sinks[%d].urlFrom.secretName is required" $i) $sink.urlFrom.secretName }}
      key: {{ required (printf "alerts.sinks[%d].urlFrom.key is required" $i) $sink.urlFrom.key }}
{{- else }}
  value: {{ $sink.url | quote }}
{{- end }}
{{- with $sink.secretFrom }}
- name: {{ $prefix }}SECRET
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "alerts.sinks[%d].secretFrom.secretName is required" $i) .secretName }}
      key: {{ required (printf "alerts.sinks[%d].secretFrom.key is required" $i) .key }}
{{- end }}
{{- with $sink.takes }}
- name: {{ $prefix }}TAKES
  value: {{ join "," . | quote }}
{{- end }}
{{- with $sink.minSeverity }}
- name: {{ $prefix }}MIN_SEVERITY
  value: {{ . | quote }}
{{- end }}
{{- range $key, $value := $sink.settings }}
- name: {{ $prefix }}{{ $key | snakecase | upper }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- end }}
