{{/* ---------------------------------------------------------------- names and labels */}}

{{- define "slipway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release full name; components append -postgresql, -minio, -keycloak (so keep it <= 50). */}}
{{- define "slipway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "slipway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels for a component: include "slipway.labels" (list $ "server") */}}
{{- define "slipway.labels" -}}
{{- $ := index . 0 -}}
helm.sh/chart: {{ include "slipway.chart" $ }}
{{ include "slipway.selectorLabels" . }}
app.kubernetes.io/version: {{ $.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $.Release.Service }}
app.kubernetes.io/part-of: slipway
{{- end }}

{{- define "slipway.selectorLabels" -}}
{{- $ := index . 0 -}}
app.kubernetes.io/name: {{ include "slipway.name" $ }}
app.kubernetes.io/instance: {{ $.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{- define "slipway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "slipway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "slipway.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* ---------------------------------------------------------------- secrets */}}

{{/* Name of the Secret holding the SLIPWAY_* secret keys. */}}
{{- define "slipway.secretName" -}}
{{- default (include "slipway.fullname" .) .Values.existingSecret }}
{{- end }}

{{- define "slipway.keycloak.secretName" -}}
{{- default (printf "%s-keycloak" (include "slipway.fullname" .)) .Values.keycloak.existingSecret }}
{{- end }}

{{/*
A secret value: the given one, else the value already stored in the release's Secret (so that
upgrades keep generated passwords), else a new random one.
Usage: include "slipway.secretValue" (dict "ctx" $ "secret" "name" "key" "KEY" "value" .Values.x)
*/}}
{{- define "slipway.secretValue" -}}
{{- if .value }}
{{- .value }}
{{- else }}
{{- $existing := lookup "v1" "Secret" .ctx.Release.Namespace .secret }}
{{- $data := dig "data" dict ($existing | default dict) }}
{{- if hasKey $data .key }}
{{- index $data .key | b64dec }}
{{- else }}
{{- randAlphaNum 32 }}
{{- end }}
{{- end }}
{{- end }}

{{/* ---------------------------------------------------------------- derived settings */}}

{{- define "slipway.publicUrl" -}}
{{- if .Values.publicUrl }}
{{- .Values.publicUrl | trimSuffix "/" }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- $tls := false }}
{{- range .Values.ingress.tls }}{{ if has $host .hosts }}{{ $tls = true }}{{ end }}{{ end }}
{{- printf "%s://%s" (ternary "https" "http" $tls) $host }}
{{- else }}
{{- printf "http://%s.%s.svc:%d" (include "slipway.fullname" .) .Release.Namespace (int .Values.service.port) }}
{{- end }}
{{- end }}

{{- define "slipway.postgresql.fullname" -}}
{{- printf "%s-postgresql" (include "slipway.fullname" .) }}
{{- end }}

{{- define "slipway.minio.fullname" -}}
{{- printf "%s-minio" (include "slipway.fullname" .) }}
{{- end }}

{{- define "slipway.keycloak.fullname" -}}
{{- printf "%s-keycloak" (include "slipway.fullname" .) }}
{{- end }}

{{- define "slipway.db.url" -}}
{{- if .Values.postgresql.enabled }}
{{- printf "jdbc:postgresql://%s:5432/%s" (include "slipway.postgresql.fullname" .) .Values.postgresql.auth.database }}
{{- else }}
{{- $host := required "externalDatabase.host is required when postgresql.enabled=false" .Values.externalDatabase.host }}
{{- printf "jdbc:postgresql://%s:%d/%s" $host (int .Values.externalDatabase.port) .Values.externalDatabase.database }}
{{- with .Values.externalDatabase.params }}?{{ . }}{{ end }}
{{- end }}
{{- end }}

{{- define "slipway.db.user" -}}
{{- ternary .Values.postgresql.auth.username .Values.externalDatabase.username .Values.postgresql.enabled }}
{{- end }}

{{- define "slipway.s3.endpoint" -}}
{{- if .Values.minio.enabled }}
{{- printf "http://%s.%s.svc:9000" (include "slipway.minio.fullname" .) .Release.Namespace }}
{{- else }}
{{- required "externalS3.endpoint is required when minio.enabled=false" .Values.externalS3.endpoint }}
{{- end }}
{{- end }}

{{- define "slipway.s3.region" -}}
{{- ternary .Values.minio.region .Values.externalS3.region .Values.minio.enabled }}
{{- end }}

{{/* In-cluster base URL of the bundled Keycloak (admin API, JWKS, token endpoint). */}}
{{- define "slipway.keycloak.internalUrl" -}}
{{- printf "http://%s.%s.svc:8080" (include "slipway.keycloak.fullname" .) .Release.Namespace }}
{{- end }}

{{/* The URL Keycloak names itself by (frontend URL): keycloak.hostname, else the in-cluster URL. */}}
{{- define "slipway.keycloak.publicUrl" -}}
{{- default (include "slipway.keycloak.internalUrl" .) .Values.keycloak.hostname | trimSuffix "/" }}
{{- end }}

{{/* SLIPWAY_KEYCLOAK_URL */}}
{{- define "slipway.keycloak.url" -}}
{{- if .Values.keycloak.enabled }}
{{- include "slipway.keycloak.internalUrl" . }}
{{- else }}
{{- required "externalKeycloak.url is required when keycloak.enabled=false" .Values.externalKeycloak.url | trimSuffix "/" }}
{{- end }}
{{- end }}

{{/* SLIPWAY_OIDC_ISSUER: must equal the tokens' iss claim, i.e. Keycloak's frontend URL. */}}
{{- define "slipway.oidc.issuer" -}}
{{- if .Values.keycloak.enabled }}
{{- printf "%s/realms/%s" (include "slipway.keycloak.publicUrl" .) .Values.keycloak.realm.name }}
{{- else if .Values.externalKeycloak.issuer }}
{{- .Values.externalKeycloak.issuer | trimSuffix "/" }}
{{- else }}
{{- printf "%s/realms/%s" (include "slipway.keycloak.url" .) .Values.externalKeycloak.realm }}
{{- end }}
{{- end }}

{{/* SLIPWAY_OIDC_JWKS_URI: fetched by the server, so the bundled Keycloak is reached in-cluster. */}}
{{- define "slipway.oidc.jwksUri" -}}
{{- if .Values.keycloak.enabled }}
{{- printf "%s/realms/%s/protocol/openid-connect/certs" (include "slipway.keycloak.internalUrl" .) .Values.keycloak.realm.name }}
{{- else if .Values.externalKeycloak.jwksUri }}
{{- .Values.externalKeycloak.jwksUri }}
{{- else }}
{{- printf "%s/protocol/openid-connect/certs" (include "slipway.oidc.issuer" .) }}
{{- end }}
{{- end }}

{{/* Keycloak's database: the bundled PostgreSQL unless keycloak.database.host is set. */}}
{{- define "slipway.keycloak.db.bundled" -}}
{{- if and .Values.keycloak.enabled (not .Values.keycloak.database.host) }}
{{- if not .Values.postgresql.enabled }}
{{- fail "keycloak.database.host is required when keycloak.enabled=true and postgresql.enabled=false" }}
{{- end }}
{{- "true" }}
{{- end }}
{{- end }}

{{- define "slipway.keycloak.db.url" -}}
{{- if include "slipway.keycloak.db.bundled" . }}
{{- printf "jdbc:postgresql://%s:5432/%s" (include "slipway.postgresql.fullname" .) .Values.keycloak.database.database }}
{{- else }}
{{- printf "jdbc:postgresql://%s:%d/%s" .Values.keycloak.database.host (int .Values.keycloak.database.port) .Values.keycloak.database.database }}
{{- end }}
{{- end }}

{{/* Pod template volume for Slipway's compute-pool file. */}}
{{- define "slipway.pools.mountDir" -}}
/etc/slipway/pools
{{- end }}
