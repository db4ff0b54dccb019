// config:assess ran in verify on the commit of setup.groovy: LOW (logging.level in development), below
// failOn=medium, so the build passed; the enforcer, after it in the same phase, saw config.riskLevel=LOW and
// config.changedKeys=logging.level as project properties (its requireProperty rules would fail the build otherwise)
def log = new File(basedir, 'build.log').text
assert log.contains('risk LOW for development (')
assert log.contains('risk LOW for production (')
assert log.contains('config-cicd assess: risk LOW, 2 environments (development, production), 1 changed key; fails on medium and above')
assert log.contains('BUILD SUCCESS')

def assess = log.indexOf('--- config-maven-plugin:')
def enforcer = log.indexOf('(risk-is-low)')
assert assess >= 0 && enforcer > assess : 'the enforcer did not run after config:assess'
assert log.count('org.apache.maven.enforcer.rules.property.RequireProperty passed') == 2

def reports = new File(basedir, 'target/config-cicd')
['config-cicd-assess.txt', 'config-cicd-assess.json', 'config-cicd-assess.md'].each { name ->
    assert new File(reports, name).isFile() : "missing report ${name}"
}
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'config-cicd-assess.json'))
assert json.risk_level == 'LOW'
assert json.changed_keys == ['logging.level']
true
