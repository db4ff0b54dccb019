// config:monitor of it-second: the smoke test fails two rounds in a row (warnings in the log), the deployment is
// rolled back through the journal (the target holds it-first's content again), monitor.json says so, and the build
// fails with the monitor's headline. The probe header's token never appears: not in build.log, nor the reports
def token = 'it-Health-Token-6060'
def log = new File(basedir, 'build.log').text
assert log.contains('deploy development: applied to 1 target(s)')
assert log =~ /\[WARNING\] round 1: FAILED \(1 of 2 in a row: probe smoke, probe health\)/
assert log =~ /\[WARNING\] round 2: FAILED \(2 of 2 in a row/
assert log.contains('smoke sees ******') : 'the smoke test output, masked, is quoted in the round lines'
assert log.contains('config-cicd monitor: deployment it-second of development: failed, rolled back')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat io.configcicd') : 'stack trace in build.log'

def deployed = new groovy.json.JsonSlurper().parse(new File(basedir, 'build/deployed/development.json'))
assert deployed.logging.level == 'DEBUG' : 'the rollback put the first commit\'s content back'
def record = new groovy.json.JsonSlurper().parse(new File(basedir, 'build/deployed/development.meta.json'))
assert record.deployment_id == 'it-first' : 'the target holds the first deployment again, its record included'

def reports = new File(basedir, 'target/config-cicd')
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'monitor.json'))
assert json.status == 'failed, rolled back'
assert json.deployment_id == 'it-second'
assert json.failed_rounds == 2
assert json.probes*.name == ['smoke', 'health']
assert json.rollback.status == 'applied'
def markdown = new File(reports, 'monitor.md').text
assert markdown.contains('## monitor development: failed, rolled back')

def journal = new File(basedir, 'configuration/.config-cicd/deployments/it-second.json').text
[log, journal, new File(reports, 'monitor.json').text, markdown].each {
    assert !it.contains(token) : 'the probe header token leaked'
}
true
