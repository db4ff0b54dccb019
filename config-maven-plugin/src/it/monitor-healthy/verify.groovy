// config:monitor of it-healthy: every round healthy (one information line each, no warning), monitor.json and
// monitor.md say healthy, the target still holds the deployment, the build passes
def log = new File(basedir, 'build.log').text
assert log.contains('deploy development: applied to 1 target(s)')
def rounds = log.readLines().findAll { it.contains('round ') && it.contains(': healthy: smoke ok (exit 0') }
assert rounds.size() >= 3 : "expected a healthy round every 200 ms for 1 s, got ${rounds}"
assert rounds.every { it.startsWith('[INFO] round ') && it.endsWith('; targets hold it-healthy') }
assert !log.contains('[WARNING] round ')
assert log.contains('monitor development: healthy (')
assert log.contains('BUILD SUCCESS')

def reports = new File(basedir, 'target/config-cicd')
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'monitor.json'))
assert json.status == 'healthy'
assert json.healthy == true
assert json.deployment_id == 'it-healthy'
assert json.failed_rounds == 0
assert json.rounds == rounds.size()
assert json.probes[0].name == 'smoke' && json.probes[0].failures == 0
assert json.targets[0].held == true
assert new File(reports, 'monitor.md').text.contains('## monitor development: healthy')

def deployed = new groovy.json.JsonSlurper().parse(new File(basedir, 'build/deployed/development.json'))
assert deployed.logging.level == 'DEBUG'
true
