// security.mfa_required turned off in global/base.yaml is CRITICAL (security.**) in production: at failOn=critical
// the build fails with a MojoFailureException naming the level and the change's file:line, without a stack trace,
// and the reports are written first so CI can publish them
def log = new File(basedir, 'build.log').text
assert log.contains('risk CRITICAL for production (')
assert log.contains('config-cicd assess: risk CRITICAL, 2 environments (development, production), 1 changed key; fails on critical and above')
assert log.contains('configuration change risk CRITICAL is at or above failOn critical: production: modified security.mfa_required at configuration/global/base.yaml:11')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat io.configcicd') : 'stack trace in build.log'

def reports = new File(basedir, 'target/config-cicd')
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'config-cicd-assess.json'))
assert json.risk_level == 'CRITICAL'
assert json.changed_keys == ['security.mfa_required']
assert new File(reports, 'config-cicd-assess.md').text.contains('CRITICAL')
true
