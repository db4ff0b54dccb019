// both invocations passed with the defaults: first the full coordinates (every environment, the default reports),
// then the prefix form config:validate with -Dconfig.environment=production -Dconfig.formats=json
// (the invoker appends the second run to build.log, or keeps the first in build.log.1, depending on its version)
def logs = basedir.listFiles().findAll { it.name ==~ /build\.log(\.[0-9]+)?/ }
def log = logs.collect { it.text }.join('\n')
assert log.count('BUILD SUCCESS') == 2
assert log.count('--- config-maven-plugin:') == 2
assert log.contains('config-cicd validate: 2 environments (development, production), 0 critical, 0 errors, 0 warnings, 0 info;')
assert log.contains('config-cicd validate: 1 environment (production), 0 critical, 0 errors, 0 warnings, 0 info;')
def reports = new File(basedir, 'target/config-cicd')
['config-cicd.txt', 'config-cicd.json', 'TEST-config-cicd.xml', 'config-cicd.sarif'].each { name ->
    assert new File(reports, name).isFile() : "missing report ${name}"
}
true
