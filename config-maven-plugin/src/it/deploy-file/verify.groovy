// config:deploy wrote the target (with the resolved secret: secrets: resolve), its record and the journal entry,
// and the reports; the secret is in the target only: never in build.log, the journal or the reports
def secret = 'it-Secret-5150'
def log = new File(basedir, 'build.log').text
assert log.contains('deploy development: applied to 1 target(s)')
assert log.contains('target local (file, document): APPLIED')
assert log.contains('BUILD SUCCESS')

def deployed = new File(basedir, 'build/deployed/development.json')
assert deployed.isFile() : 'the file target was not written'
def content = new groovy.json.JsonSlurper().parse(deployed)
assert content.logging.level == 'DEBUG'
assert content.database.password == secret : 'secrets: resolve writes the real value to the target'

def record = new groovy.json.JsonSlurper().parse(new File(basedir, 'build/deployed/development.meta.json'))
assert record.deployment_id == 'it-deploy-1'
assert record.sha256 ==~ /[0-9a-f]{64}/

def journal = new File(basedir, 'configuration/.config-cicd/deployments/it-deploy-1.json')
assert journal.isFile() : 'no journal entry'
assert journal.text.contains('"status" : "applied"')

def reports = new File(basedir, 'target/config-cicd')
assert new File(reports, 'deploy.json').text.contains('"deployment_id" : "it-deploy-1"')
assert new File(reports, 'deploy.md').text.contains('## deploy development: applied')

[log, journal.text, new File(reports, 'deploy.json').text, new File(reports, 'deploy.md').text].each {
    assert !it.contains(secret) : 'the resolved secret leaked'
}
true
