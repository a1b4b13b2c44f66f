// Gesprekswijzer on Azure: Container Apps (the image from the Dockerfile), Azure Database for
// PostgreSQL flexible server, Key Vault for every secret, and an Azure Bot in the EU region,
// SingleTenant, with the Teams channel. Deploy with docs/azure.md.
// Checked offline only (scripts/check-azure.mjs): the Bicep compiler and Azure's validation
// (`az deployment group validate` / `what-if`) were NOT run; do that first, see docs/azure.md.

targetScope = 'resourceGroup'

@description('Short name used in every resource name (lowercase letters and digits, 3-12).')
@minLength(3)
@maxLength(12)
param name string = 'gespreksw'

@description('Region for the app, database and vault. An EU region keeps pupil data in the EU.')
@allowed([ 'westeurope', 'northeurope', 'swedencentral', 'germanywestcentral', 'francecentral' ])
param location string = 'westeurope'

@description('The container image, e.g. myregistry.azurecr.io/gesprekswijzer:1.0.0 (built from the Dockerfile).')
param image string

@description('Login server of the Azure Container Registry holding the image; empty for a public image.')
param registryServer string = ''

@description('Application (client) id of the bot\'s Entra ID app registration (single tenant).')
param microsoftAppId string

@description('Client secret of that app registration; stored in Key Vault only.')
@secure()
param microsoftAppPassword string

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'gesprekswijzer'

@description('Administrator password of the PostgreSQL server; stored in Key Vault only.')
@secure()
@minLength(16)
param postgresAdminPassword string

@description('Bearer token for GET /metrics (at least 16 characters); stored in Key Vault only.')
@secure()
@minLength(16)
param metricsToken string

@description('Object id of the operator (user or group) who may read and set the vault\'s secrets.')
param operatorObjectId string

var suffix = uniqueString(resourceGroup().id)
var tenantId = subscription().tenantId
var appName = '${name}-app'
var databaseName = 'gesprekswijzer'
// Key Vault Secrets User: read secret values (the app); Key Vault Secrets Officer: manage them (operator).
var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficerRole = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
// AcrPull: the app pulls its image with its managed identity, no registry password.
var acrPullRole = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv-${take(suffix, 8)}'
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: '${name}-pg-${suffix}'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '15'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    // Point-in-time restore for 14 days, on top of the nightly pg_dump in docs/operations.md.
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: postgres
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// Public endpoint reachable from Azure services only (Container Apps has no fixed outbound IP on the
// consumption plan); TLS is required by the server. A private network is the next step (docs/azure.md).
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource secretAppPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'microsoft-app-password'
  properties: { value: microsoftAppPassword }
}

resource secretDatabaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgresql://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
  }
}

resource secretMetricsToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'metrics-token'
  properties: { value: metricsToken }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, secretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorManagesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, operatorObjectId, secretsOfficerRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRole)
    principalId: operatorObjectId
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(registryServer)) {
  name: split(registryServer, '.')[0]
}

resource appPullsImage 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(registryServer)) {
  scope: registry
  name: guid(registryServer, identity.id, acrPullRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

// Known before the app exists, so the app's own PUBLIC_BASE_URL and the bot's endpoint can use it.
var appFqdn = '${appName}.${environment.properties.defaultDomain}'

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [ appReadsSecrets, appPullsImage, database, allowAzure ]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: {
        external: true
        targetPort: 3978
        transport: 'auto'
        allowInsecure: false
      }
      // Read from Key Vault by the app's identity; never in the template's outputs or the app's settings.
      secrets: [
        { name: 'microsoft-app-password', keyVaultUrl: secretAppPassword.properties.secretUri, identity: identity.id }
        { name: 'database-url', keyVaultUrl: secretDatabaseUrl.properties.secretUri, identity: identity.id }
        { name: 'metrics-token', keyVaultUrl: secretMetricsToken.properties.secretUri, identity: identity.id }
      ]
      registries: empty(registryServer) ? [] : [ { server: registryServer, identity: identity.id } ]
    }
    template: {
      containers: [
        {
          name: 'gesprekswijzer'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: [
            { name: 'NODE_ENV', value: 'production' }
            { name: 'PORT', value: '3978' }
            { name: 'DATABASE_URL', secretRef: 'database-url' }
            { name: 'MICROSOFT_APP_ID', value: microsoftAppId }
            { name: 'MICROSOFT_APP_PASSWORD', secretRef: 'microsoft-app-password' }
            { name: 'MICROSOFT_APP_TYPE', value: 'SingleTenant' }
            { name: 'MICROSOFT_APP_TENANT_ID', value: tenantId }
            { name: 'PUBLIC_BASE_URL', value: 'https://${appFqdn}' }
            { name: 'METRICS_TOKEN', secretRef: 'metrics-token' }
          ]
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: 3978 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 3978 }, periodSeconds: 10 }
            { type: 'Startup', httpGet: { path: '/healthz', port: 3978 }, periodSeconds: 5, failureThreshold: 24 }
          ]
        }
      ]
      // Several instances share one PostgreSQL safely (migrations take an advisory lock; the outbox
      // claims rows with FOR UPDATE SKIP LOCKED). One is enough for a school board; two for upgrades.
      scale: { minReplicas: 1, maxReplicas: 2 }
    }
  }
}

// The Azure Bot: the Teams channel's registration of the endpoint. Regional in the EU, so the Bot
// Service processes messages in Europe; SingleTenant, the app registration of the board's tenant.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'westeurope'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Gesprekswijzer'
    endpoint: 'https://${appFqdn}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'westeurope'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('The address teachers reach; PUBLIC_BASE_URL for `npm run teams:package`.')
output publicBaseUrl string = 'https://${appFqdn}'
output botEndpoint string = 'https://${appFqdn}/api/messages'
output keyVaultName string = vault.name
output postgresServer string = postgres.properties.fullyQualifiedDomainName
