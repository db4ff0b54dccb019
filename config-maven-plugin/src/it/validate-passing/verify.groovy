// config:validate passed and wrote the default reports (text, json, junit, sarif) to target/config-cicd/
def reports = new File(basedir, 'target/config-cicd')
['config-cicd.txt', 'config-cicd.json', 'TEST-config-cicd.xml', 'config-cicd.sarif'].each { name ->
    def file = new File(reports, name)
    assert file.isFile() : "missing report ${file}"
    assert file.length() > 0 : "empty report ${file}"
}
assert !new File(reports, 'gl-code-quality-report.json').exists()

def json = new groovy.json.JsonSlurper().parse(new File(reports, 'config-cicd.json'))
assert json.toString().contains('production')

def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-config-cicd.xml'))
assert junit.name() in ['testsuites', 'testsuite']
assert !new File(reports, 'TEST-config-cicd.xml').text.contains('<failure')

def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'config-cicd.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.isEmpty()

def log = new File(basedir, 'build.log').text
assert log.contains('config-cicd validate: 2 environments (development, production), 0 critical, 0 errors, 0 warnings, 0 info;')
assert log.contains('BUILD SUCCESS')
true
