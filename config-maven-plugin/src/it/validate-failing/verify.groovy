// the schema violation at configuration/environments/production.yaml line 4 ("eighty" for an integer port)
// is logged in the compiler's shape and fails the build with a MojoFailureException naming file:line and rule
def log = new File(basedir, 'build.log').text
def where = 'configuration/environments/production.yaml:4:9: [schema] '
def logged = log.readLines().find { it.startsWith('[ERROR] ') && it.contains(where) }
assert logged : "no '[ERROR] ...${where}' line in build.log"
assert logged.endsWith('(production)')
assert log.contains('configuration validation failed: 1 finding at or above error')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat io.configcicd') : 'stack trace in build.log'

// the reports are written before the build fails, so CI can publish them
def reports = new File(basedir, 'target/config-cicd')
def junit = new File(reports, 'TEST-config-cicd.xml')
assert junit.isFile()
assert junit.text.contains('<failure')
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'config-cicd.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'schema' }
assert result : 'no schema result in the SARIF report'
assert result.locations[0].physicalLocation.region.startLine == 4
true
